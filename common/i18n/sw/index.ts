import type { Messages } from '../languages'
import { agencies } from './agencies'
import { auth } from './auth'
import { backlog } from './backlog'
import { campaigns } from './campaigns'
import { common } from './common'
import { receipt } from './receipt'
import { reports } from './reports'
import { settings } from './settings'
import { sms } from './sms'
import { validation } from './validation'

export const sw: Messages = {
  common,
  auth,
  sms,
  receipt,
  reports,
  backlog,
  campaigns,
  agencies,
  settings,
  validation,
}
