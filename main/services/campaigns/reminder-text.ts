import { createSmsTexts, smsSegments, type SmsSegments } from '../../../common/sms'
import { fromDayNumber } from '../../../common/nairobi-time'

/**
 * Reminder texts and their segment counts. Tracking numbers all print the same width, so a message's length
 * depends only on its language, how many numbers it lists and its date: a preview over 100,000 phones measures
 * each such shape once instead of building every text.
 */
export function createReminderTexts(centreName: string) {
  const shapes = new Map<string, SmsSegments>()
  // One set of texts per campaign's use: each reminder is worded in the language asked for, never the last one's.
  const sms = createSmsTexts()
  const text = (language: 'en' | 'sw', trackingNumbers: readonly string[], collectByDay: number): string =>
    sms.reminder({ language, centreName, trackingNumbers, collectBy: fromDayNumber(collectByDay) })
  return {
    text,
    segments(language: 'en' | 'sw', trackingNumbers: readonly string[], collectByDay: number): SmsSegments {
      const key = `${language}|${trackingNumbers.length}|${collectByDay}`
      let s = shapes.get(key)
      if (!s) {
        s = smsSegments(text(language, trackingNumbers, collectByDay))
        shapes.set(key, s)
      }
      return s
    },
  }
}
export type ReminderTexts = ReturnType<typeof createReminderTexts>
