import type { Service } from '../../../common/catalogue'

/**
 * The service catalogue shipped with the app, so a new install works before it has ever reached the central API.
 * The central catalogue replaces it (every entry here has isDefault: true).
 *
 * Turnaround is in working days and is what the receipt promises, so it is set a little on the safe side of the
 * agencies' published targets. Retention is how long a finished document waits on the shelf before it goes back
 * to the agency.
 *
 * Agency reference patterns: only the national-ID waiting-card serial (9 digits) and the KRA PIN format
 * (A or P, 9 digits, a letter) are well-established formats. The good-conduct and business-registration patterns
 * are PLACEHOLDERS of a plausible shape until the central catalogue supplies the agencies' real formats. Services
 * whose reference has no stable format printed at the counter have no pattern (any reference is accepted).
 *
 * Kiswahili names follow the government's own usage where it could be found (docs/KISWAHILI.md has the sources);
 * a change here needs a migration for installations that still have the previous default (see 0150).
 */
export const DEFAULT_CATALOGUE: Service[] = [
  {
    code: 'ID_NEW',
    nameEn: 'National ID card (new application)',
    nameSw: 'Kitambulisho cha Taifa (maombi mapya)',
    agency: 'National Registration Bureau (NRB)',
    turnaroundDays: 21,
    idRequired: false, // the applicant has no ID yet
    agencyRefPattern: '[0-9]{9}',
    agencyRefHint: '9-digit waiting-card serial',
    agencyRefExample: '204518736',
    retentionDays: 180,
    active: true,
    isDefault: true,
  },
  {
    code: 'ID_REPLACEMENT',
    nameEn: 'National ID card (replacement)',
    nameSw: 'Kitambulisho cha Taifa (mbadala)',
    agency: 'National Registration Bureau (NRB)',
    turnaroundDays: 21,
    idRequired: true, // the number of the lost or damaged card
    agencyRefPattern: '[0-9]{9}',
    agencyRefHint: '9-digit waiting-card serial',
    agencyRefExample: '318204977',
    retentionDays: 180,
    active: true,
    isDefault: true,
  },
  {
    code: 'BIRTH_CERT',
    nameEn: 'Birth certificate',
    nameSw: 'Cheti cha Kuzaliwa',
    agency: 'Civil Registration Services (CRS)',
    turnaroundDays: 10,
    idRequired: true, // the applying parent's ID
    agencyRefPattern: null,
    agencyRefHint: null,
    agencyRefExample: null,
    retentionDays: 120,
    active: true,
    isDefault: true,
  },
  {
    code: 'DEATH_CERT',
    nameEn: 'Death certificate',
    nameSw: 'Cheti cha Kifo',
    agency: 'Civil Registration Services (CRS)',
    turnaroundDays: 10,
    idRequired: true, // the informant's ID
    agencyRefPattern: null,
    agencyRefHint: null,
    agencyRefExample: null,
    retentionDays: 120,
    active: true,
    isDefault: true,
  },
  {
    code: 'GOOD_CONDUCT',
    nameEn: 'Certificate of good conduct',
    nameSw: 'Cheti cha Tabia Njema',
    agency: 'Directorate of Criminal Investigations (DCI)',
    turnaroundDays: 14,
    idRequired: true,
    // PLACEHOLDER shape (eCitizen police-clearance reference): replaced by the central catalogue.
    agencyRefPattern: 'NCPCG[0-9]{8}',
    agencyRefHint: 'eCitizen reference, NCPCG and 8 digits',
    agencyRefExample: 'NCPCG00412345',
    retentionDays: 90,
    active: true,
    isDefault: true,
  },
  {
    code: 'SMART_DL',
    nameEn: 'Smart driving licence',
    nameSw: 'Leseni ya Udereva ya Kidijitali',
    agency: 'National Transport and Safety Authority (NTSA)',
    turnaroundDays: 15,
    idRequired: true,
    agencyRefPattern: null,
    agencyRefHint: null,
    agencyRefExample: null,
    retentionDays: 90,
    active: true,
    isDefault: true,
  },
  {
    code: 'PASSPORT',
    nameEn: 'Passport',
    nameSw: 'Pasipoti',
    agency: 'Department of Immigration Services',
    turnaroundDays: 10,
    idRequired: true,
    agencyRefPattern: null,
    agencyRefHint: null,
    agencyRefExample: null,
    retentionDays: 90,
    active: true,
    isDefault: true,
  },
  {
    code: 'MARRIAGE_CERT',
    nameEn: 'Marriage certificate',
    nameSw: 'Cheti cha Ndoa',
    agency: 'Registrar of Marriages (State Law Office)',
    turnaroundDays: 14,
    idRequired: true,
    agencyRefPattern: null,
    agencyRefHint: null,
    agencyRefExample: null,
    retentionDays: 120,
    active: true,
    isDefault: true,
  },
  {
    code: 'BUSINESS_REG',
    nameEn: 'Business registration certificate',
    nameSw: 'Cheti cha Usajili wa Biashara',
    agency: 'Business Registration Service (BRS)',
    turnaroundDays: 3,
    idRequired: true,
    // PLACEHOLDER shape (business-name / private-company registration number): replaced by the central catalogue.
    agencyRefPattern: '(BN|PVT)-[A-Z0-9]{6,10}',
    agencyRefHint: 'Registration number, e.g. BN-… or PVT-…',
    agencyRefExample: 'BN-7XKQ2M4P',
    retentionDays: 90,
    active: true,
    isDefault: true,
  },
  {
    code: 'SHA_CARD',
    nameEn: 'Social Health Authority (SHA, formerly NHIF) card',
    nameSw: 'Kadi ya Mamlaka ya Afya ya Jamii (SHA, zamani NHIF)',
    agency: 'Social Health Authority (SHA)',
    turnaroundDays: 7,
    idRequired: true,
    agencyRefPattern: null,
    agencyRefHint: null,
    agencyRefExample: null,
    retentionDays: 90,
    active: true,
    isDefault: true,
  },
  {
    code: 'KRA_PIN',
    nameEn: 'KRA PIN certificate',
    nameSw: 'Cheti cha PIN ya KRA',
    agency: 'Kenya Revenue Authority (KRA)',
    turnaroundDays: 0, // generated and printed the same day
    idRequired: true,
    agencyRefPattern: '[AP][0-9]{9}[A-Z]',
    agencyRefHint: 'KRA PIN: A or P, 9 digits, a letter',
    agencyRefExample: 'A012345678Z',
    retentionDays: 90,
    active: true,
    isDefault: true,
  },
]
