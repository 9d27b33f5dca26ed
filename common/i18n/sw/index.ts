import type { Messages } from '../languages'
import { agencies } from './agencies'
import { auth } from './auth'
import { backlog } from './backlog'
import { campaigns } from './campaigns'
import { common } from './common'

export const sw: Messages = { common, auth, backlog, campaigns, agencies }
