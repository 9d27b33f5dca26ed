/**
 * What a synthetic Huduma Centre looks like: its service mix, how late each agency runs, and how customers collect.
 * Numbers are plausible, not measured; they give the dashboards the shapes a real centre has (a weekly rhythm,
 * agencies that are usually on time and sometimes very late, most documents collected within a week and a long
 * tail that never is).
 */

/** Share of registrations per service, and how the agency's real delay spreads around its promised turnaround. */
export const SERVICE_MIX: readonly {
  code: string
  weight: number
  /** Median real delay in calendar days (the promise is in working days, so usually a bit longer). */
  medianDays: number
  /** Chance the batch is very late (waiting on a printer, a signature, a recall): 2–10 weeks more. */
  lateChance: number
}[] = [
  { code: 'ID_NEW', weight: 25, medianDays: 30, lateChance: 0.12 },
  { code: 'ID_REPLACEMENT', weight: 12, medianDays: 28, lateChance: 0.1 },
  { code: 'BIRTH_CERT', weight: 18, medianDays: 12, lateChance: 0.05 },
  { code: 'DEATH_CERT', weight: 4, medianDays: 12, lateChance: 0.05 },
  { code: 'GOOD_CONDUCT', weight: 15, medianDays: 16, lateChance: 0.08 },
  { code: 'SMART_DL', weight: 8, medianDays: 21, lateChance: 0.15 },
  { code: 'PASSPORT', weight: 8, medianDays: 14, lateChance: 0.06 },
  { code: 'MARRIAGE_CERT', weight: 2, medianDays: 18, lateChance: 0.05 },
  { code: 'BUSINESS_REG', weight: 3, medianDays: 4, lateChance: 0.03 },
  { code: 'SHA_CARD', weight: 4, medianDays: 9, lateChance: 0.04 },
  { code: 'KRA_PIN', weight: 1, medianDays: 1, lateChance: 0.01 },
]

/** SMS delivery outcomes of a ready or reminder message. The rest get no report (still "sent"). */
export const SMS_OUTCOME_ODDS = { delivered: 0.88, failed: 0.055, invalid: 0.03 } as const

export const FIRST_NAMES = [
  'Wanjiku',
  'Achieng',
  'Brian',
  'Kevin',
  'Faith',
  'Mercy',
  'Otieno',
  'Kamau',
  'Njeri',
  'Akinyi',
  'Mwangi',
  'Chebet',
  'Kiprop',
  'Wambui',
  'Auma',
  'Mutua',
  'Nyambura',
  'Omondi',
  'Jepkosgei',
  'Wafula',
  'Halima',
  'Abdi',
  'Fatuma',
  'Hassan',
  'Zawadi',
  'Baraka',
  'Imani',
  'Neema',
  'Juma',
  'Amina',
  'Grace',
  'Peter',
  'Mary',
  'John',
  'Esther',
  'Daniel',
  'Joyce',
  'Samuel',
  'Ann',
  'Joseph',
]
export const LAST_NAMES = [
  'Kamau',
  'Odhiambo',
  'Mwangi',
  'Otieno',
  'Wanjiru',
  'Kiptoo',
  'Njoroge',
  'Ochieng',
  'Kariuki',
  'Mutua',
  'Wekesa',
  'Chepkoech',
  'Ndungu',
  'Onyango',
  'Kimani',
  'Rotich',
  'Maina',
  'Omondi',
  'Kilonzo',
  'Barasa',
  'Mohamed',
  'Ali',
  'Wairimu',
  'Nyaga',
  'Korir',
  'Musyoka',
  'Gitau',
  'Owino',
  'Cheruiyot',
  'Macharia',
]
