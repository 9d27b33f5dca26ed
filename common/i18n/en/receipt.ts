/**
 * The application receipt (main/receipts/receipt-document.ts) prints every label in both languages, English first:
 * 'Phone / Simu' on 80 mm paper, the two on separate lines on 58 mm. The ' / ' and the order are the layout's.
 * Dates on the receipt are shared by both languages (main/receipts/mask.ts).
 */
export const receipt = {
  /** Followed by the centre's number: 'Centre No. 042'. */
  centreNo: 'Centre No.',
  title: 'Application receipt',
  reprint: 'REPRINT',
  copy: 'COPY',
  reason: 'Reason',
  reprinted: 'Reprinted',
  trackingNumber: 'Tracking number',
  /** The label beside the service name in this language. */
  service: 'Service',
  phone: 'Phone',
  registered: 'Registered',
  readyFrom: 'Ready from',
  checkStatus: 'Check status',
  clerk: 'Clerk',
  counter: 'Counter',
  keep: 'Keep this receipt until you collect your document.',
  /**
   * The default "how to check" text (a centre setting, main/services/settings-service.ts), both languages joined
   * with ' / '; once saved, the setting's text prints, not this.
   */
  howToCheck: 'Check your status by scanning the QR code or at any Huduma Centre with this receipt.',
  /** The test print from the printer settings: a receipt whose service says it is none. */
  test: {
    service: 'TEST PRINT - not a receipt',
    howToCheck: 'This is a test print.',
    /** The centre name before the workstation is set up. */
    centreFallback: 'Huduma Centre',
  },
} as const
