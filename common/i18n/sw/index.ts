import type { Messages } from '../languages'
import { auth } from './auth'
import { common } from './common'
import { settings } from './settings'
import { validation } from './validation'

export const sw: Messages = { common, auth, settings, validation }
