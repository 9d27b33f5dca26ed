/**
 * Files the core builds for people to read: the data subject's report (common/subject-report.ts: a page and a CSV
 * handed to the customer) and the audit check's
 * sentence (common/audit-check-text.ts). Markup stays in the code; `{{…}}` values arrive already escaped for HTML.
 */
export const reports = {
  subject: {
    title: 'Personal data held by {{centre}}',
    heading: 'Personal data held by {{centre}} (centre {{number}})',
    byIdNumber: 'ID number',
    byPhone: 'phone number',
    /** {{value}} is the ID or phone number searched for, in bold. */
    intro:
      "Everything this centre's workstation holds about the {{by}}\n{{value}}, as held on {{at}}:\n{{applications}} and {{reminders}}.",
    applications_one: '{{count}} application(s)',
    applications_other: '{{count}} application(s)',
    reminders_one: '{{count}} reminder SMS',
    reminders_other: '{{count}} reminder SMS',
    truncated: 'More applications matched than one file holds: ask the centre manager for the rest.',
    rights:
      'Under the Data Protection Act 2019 you may ask for a mistake to be corrected and, where the law allows, for\nthis data to be erased. Ask the centre manager.',
    nothingHeld: 'Nothing is held about this person.',
    /** The columns of the table and of the CSV. */
    column: {
      trackingNumber: 'Tracking number',
      service: 'Service',
      when: 'When (Nairobi time)',
      what: 'What',
      details: 'Details',
    },
    fact: {
      detailsHeld: 'Details held',
      whoCollected: 'Who collected',
      /** {{kind}} is the notification's kind as recorded (ready, reminder). */
      sms: 'SMS ({{kind}})',
      smsDelivery: 'SMS delivery report',
      phoneCall: 'Phone call',
      returnManifest: 'Return manifest No. {{id}}',
      /** A return manifest's outcome before the agency has answered. */
      listed: 'listed',
      reminderSms: 'Reminder SMS',
    },
    /** The parts of the "Details held" line, joined with '; '. */
    detail: {
      name: 'Name: {{value}}',
      phone: 'Phone: {{value}}',
      idNumber: 'ID number: {{value}}',
      noIdNumber: '(none given)',
      agencyRef: 'Agency reference: {{value}}',
      smsLanguage: 'SMS language: {{value}}',
      smsConsent: 'Agreed to SMS: {{value}}',
      yes: 'yes',
      no: 'no',
      notes: 'Notes: {{value}}',
      status: 'Status: {{value}}',
      shelfSlot: 'Shelf slot: {{value}}',
    },
    language: { en: 'English', sw: 'Kiswahili' },
    status: {
      registered: 'Waiting for the document from the agency',
      arrived: 'On the shelf, ready to collect',
      collected: 'Collected',
      returned: 'Returned to the agency',
      cancelled: 'Cancelled',
    },
    /** What each recorded step means, for a customer reading their own file. */
    event: {
      registered: 'Registered at the counter',
      arrived: 'Document arrived from the agency and put on the shelf',
      moved: 'Moved to another shelf slot',
      missing: 'Marked missing from its shelf slot',
      missingCleared: 'Found again on the shelf',
      damaged: 'Marked damaged',
      damagedCleared: 'Damage mark cleared',
      collected: 'Handed over',
      returned: 'Returned to the agency',
      cancelled: 'Cancelled',
      callLogged: 'Phone call recorded',
      smsReady: 'SMS: document ready',
      smsReminder: 'SMS: reminder to collect',
    },
  },
  /** The turnaround report of one agency (manager's page and CSV; no customer names or phones). */
  /** The audit check's one sentence (Settings → Audit and `npm run audit:verify`). */
  audit: {
    intact: 'Audit log intact: {{rows}} rows checked',
    broken: 'Audit log broken: {{problem}}',
    brokenAt: 'Audit log broken at row #{{row}}: {{problem}}',
  },
} as const
