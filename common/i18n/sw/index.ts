import type { Messages } from '../languages'
import { agencies } from './agencies'
import { arrivals } from './arrivals'
import { audit } from './audit'
import { auth } from './auth'
import { backlog } from './backlog'
import { campaigns } from './campaigns'
import { collection } from './collection'
import { common } from './common'
import { core } from './core'
import { counter } from './counter'
import { receipt } from './receipt'
import { reports } from './reports'
import { settings } from './settings'
import { setup } from './setup'
import { shell } from './shell'
import { sms } from './sms'
import { ui } from './ui'
import { validation } from './validation'

export const sw: Messages = {
  common,
  auth,
  shell,
  setup,
  ui,
  counter,
  arrivals,
  collection,
  backlog,
  campaigns,
  agencies,
  settings,
  audit,
  validation,
  core,
  sms,
  receipt,
  reports,
}
