/**
 * Everything a Track My Service application receipt shows. The renderer never receives (and so can never print) an
 * ID number: there is deliberately no field for one.
 */
export interface ReceiptData {
  centreName: string
  centreNumber: string
  /** 12 digits, no spaces (`042107385192`). */
  trackingNumber: string
  serviceNameEn: string
  serviceNameSw: string
  /**
   * The customer's language (the one of their SMS): it prints first and large, the other beside or under it, so
   * the receipt is the customer's and still tells staff and the agency what it says. English when not given.
   */
  language?: 'en' | 'sw'
  /** E.164, e.g. `+254712345123`. Printed masked only. */
  phoneE164: string
  /** Epoch milliseconds. Printed in Africa/Nairobi time. */
  registeredAt: number
  /** Calendar date `YYYY-MM-DD`. */
  expectedReady: string
  /** Full URL including the tracking number; encoded in the QR code. */
  statusUrl: string
  /** Configurable "how to check your status" text (SMS/USSD/web instructions). */
  howToCheck: string
  clerkName: string
  clerkStaffNumber: string
  workstationSlot: string
  /** Set when this is a reprint of an earlier receipt. */
  reprint?: { reason: string; at: number }
  /** Printed again after an attempt that may have left paper: marked COPY so only one original exists. */
  copy?: boolean
}

/** Paper widths we support: 80 mm rolls print 48 columns, 58 mm rolls 32. */
export type ReceiptColumns = 48 | 32
