import type { Messages } from '../languages'
import { auth } from './auth'
import { common } from './common'

export const sw: Messages = { common, auth }
