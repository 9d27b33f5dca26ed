import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string }

/**
 * A Kenyan mobile number (07…, 01…, +254…, 254…) normalised to E.164, or the reason it is not one. SMS is the only
 * way we reach the customer, so landlines and foreign numbers are refused here rather than failing at send time.
 */
export function normalizeKenyanMobile(input: string): PhoneResult {
  const text = input.trim()
  if (text === '') return { ok: false, message: 'Phone number is required' }
  if (!/^[+\d][\d\s-]*$/.test(text))
    return { ok: false, message: 'Phone number has digits only, e.g. 0712 345 678' }
  const parsed = parsePhoneNumberFromString(text, 'KE')
  if (!parsed || !parsed.isValid()) {
    return { ok: false, message: 'Not a valid Kenyan phone number: use 07XX XXX XXX, 01XX XXX XXX or +254…' }
  }
  if (parsed.countryCallingCode !== '254') return { ok: false, message: 'Use a Kenyan mobile number (+254)' }
  const type = parsed.getType()
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return { ok: false, message: 'This is a landline: SMS needs a mobile number (07… or 01…)' }
  }
  return { ok: true, e164: parsed.number }
}

/** `+254712345123` → `0712 345 123`, how Kenyans write their own number. */
export function formatKenyanMobile(e164: string): string {
  const national = e164.startsWith('+254') ? '0' + e164.slice(4) : e164
  return national.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3')
}
