import type { Messages } from '../languages'
import { auth } from './auth'
import { common } from './common'
import { receipt } from './receipt'
import { reports } from './reports'
import { sms } from './sms'

export const sw: Messages = { common, auth, sms, receipt, reports }
