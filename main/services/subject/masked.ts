/**
 * What an audit row may say about a data subject: enough to tell two requests apart, never enough to find the person
 * (the audit log keeps no raw ID number or phone number). `******78`, `07** *** 678`.
 */
export function maskedIdNumber(idNumber: string): string {
  return '*'.repeat(Math.max(0, idNumber.length - 2)) + idNumber.slice(-2)
}

export function maskedPhone(e164: string): string {
  const national = e164.startsWith('+254') ? '0' + e164.slice(4) : e164
  return `${national.slice(0, 2)}** *** ${national.slice(-3)}`
}
