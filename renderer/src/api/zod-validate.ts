import type { z } from 'zod'
import { contractText } from '../i18n/contract-text'

/**
 * Turns a contract schema into a Mantine form validator, so the form checks exactly what the core will check,
 * with the same messages (in the window's language: contractText), while the clerk types.
 */
export function zodValidate<V>(schema: z.ZodType, extra?: (values: V) => Partial<Record<string, string>>) {
  return (values: V): Record<string, string> => {
    const errors: Record<string, string> = {}
    const result = schema.safeParse(values)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path.map(String).join('.')
        if (key && !(key in errors)) errors[key] = contractText(issue.message)
      }
    }
    // An extra check may give a contract rule's message too (pinTooShortFor); the form's own are already translated.
    for (const [key, message] of Object.entries(extra?.(values) ?? {}))
      if (message) errors[key] = contractText(message)
    return errors
  }
}
