/**
 * The customer SMS the central API sends for us, built by common/sms.ts. Each text is plain GSM-7 (no curly quotes,
 * no '•', no accented letters outside the alphabet): one such character would make the whole message UCS-2 and
 * split it at 70 characters. test/unit/sms.test.ts checks both languages fit one segment with the longest centre.
 */
export const sms = {
  ready: {
    /** 'Huduma GPO: ' — brand and centre name stay as they are; the second form when the name had to go. */
    head: 'Huduma {{centre}}: ',
    headNoCentre: 'Huduma: ',
    documents_one: 'your document {{numbers}} is ready for collection.',
    documents_other: 'your {{count}} documents ({{numbers}}) are ready for collection.',
  },
  reminder: {
    head: 'Huduma {{centre}} reminder: ',
    headNoCentre: 'Huduma reminder: ',
    documents_one: 'your document {{numbers}} is still waiting for collection.',
    documents_other: 'your {{count}} documents ({{numbers}}) are still waiting for collection.',
  },
  /** After the numbers listed when not all fit: '(0420 3671 4272, 0420 3671 4281 and 3 more)'. */
  andMore: ' and {{count}} more',
  /** {{date}} is the LAST day the document can be collected. */
  tail: ' Bring your ID and receipt. Collect by {{date}}.',
  /** Month abbreviations of the date in `tail` ('14 Feb 2027'). */
  months: {
    jan: 'Jan',
    feb: 'Feb',
    mar: 'Mar',
    apr: 'Apr',
    may: 'May',
    jun: 'Jun',
    jul: 'Jul',
    aug: 'Aug',
    sep: 'Sep',
    oct: 'Oct',
    nov: 'Nov',
    dec: 'Dec',
  },
} as const
