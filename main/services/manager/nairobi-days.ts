/** Nairobi (UTC+3, no DST) day numbers: days since 1970-01-01 on the Nairobi wall calendar. */
const DAY_MS = 86_400_000
const OFFSET_MS = 3 * 3_600_000

export const dayOf = (epochMs: number): number => Math.floor((epochMs + OFFSET_MS) / DAY_MS)

/** The instant a Nairobi day starts (00:00 EAT). */
export const startOfDay = (day: number): number => day * DAY_MS - OFFSET_MS

export const dayToDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

export const dateToDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS)

/** YYYYMM of a day number, as the month rollup keys it. */
export const monthOf = (day: number): number => {
  const d = new Date(day * DAY_MS)
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1
}

/** Day number of the first day of the month of `day`, and of the month after. */
export const monthStart = (day: number): number => {
  const d = new Date(day * DAY_MS)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS
}
export const nextMonthStart = (day: number): number => {
  const d = new Date(day * DAY_MS)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS
}
