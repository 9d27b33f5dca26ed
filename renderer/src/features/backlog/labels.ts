import type { AgeBucketKey, CallOutcome, SmsOutcome } from '../../../../common/contract'
import { i18n } from '../../i18n/instance'

/*
 * The names of the core's codes, in the window's language. The core's own English labels (common/backlog-age.ts)
 * stay for its logs; the screens and the files the manager saves say these.
 */

/** An age-on-the-shelf bucket: "0–7 days", "Over 90 days". */
export const ageLabel = (bucket: AgeBucketKey): string => i18n.t(`backlog.age.${bucket}`)

/** How the ready SMS went: "Sent, no report yet". */
export const smsOutcomeLabel = (o: SmsOutcome): string => i18n.t(`backlog.sms.${o}`)

/** How a call to the customer went: "Reached — will collect". */
export const callOutcomeLabel = (o: CallOutcome): string => i18n.t(`backlog.callOutcome.${o}`)
