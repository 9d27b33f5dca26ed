import type { Messages } from '../languages'
import { arrivals } from './arrivals'
import { auth } from './auth'
import { collection } from './collection'
import { common } from './common'
import { counter } from './counter'
import { setup } from './setup'
import { shell } from './shell'
import { ui } from './ui'

export const sw: Messages = { common, auth, counter, arrivals, collection, shell, setup, ui }
