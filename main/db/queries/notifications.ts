import type { Database } from 'better-sqlite3-multiple-ciphers'

export interface NotificationRow {
  id: number
  tracking_number: string
  kind: 'ready' | 'reminder'
  due_at: number
  status: 'scheduled' | 'sent' | 'skipped'
  sent_at: number | null
  skip_reason: string | null
}

/** Queries on scheduled customer notifications (the SMS itself is sent by the central API). */
export function notificationQueries(db: Database) {
  const schedule = db.prepare(
    "INSERT INTO notifications (tracking_number, kind, due_at, status) VALUES (?, ?, ?, 'scheduled')",
  )
  const due = db.prepare<[number], NotificationRow>(
    // Reminders are scheduled here too, but the campaign service sends them (one message per phone).
    "SELECT * FROM notifications WHERE status = 'scheduled' AND kind = 'ready' AND due_at <= ? ORDER BY due_at, id LIMIT 500",
  )
  const pendingReadyForPhone = db.prepare<[string], NotificationRow>(
    // Through applications_phone, then notifications_tracking per application of that phone.
    `SELECT n.* FROM applications a JOIN notifications n ON n.tracking_number = a.tracking_number
     WHERE a.phone = ? AND n.kind = 'ready' AND n.status = 'scheduled' ORDER BY n.due_at, n.id`,
  )
  const markSent = db.prepare("UPDATE notifications SET status = 'sent', sent_at = ? WHERE id = ?")
  const markSkipped = db.prepare("UPDATE notifications SET status = 'skipped', skip_reason = ? WHERE id = ?")
  const forApplication = db.prepare<[string], NotificationRow>(
    'SELECT * FROM notifications WHERE tracking_number = ? ORDER BY id',
  )
  return {
    schedule: (trackingNumber: string, kind: NotificationRow['kind'], dueAt: number) =>
      schedule.run(trackingNumber, kind, dueAt),
    due: (now: number) => due.all(now),
    /** Every ready notification still scheduled for any application of `phone`, due or not. */
    pendingReadyForPhone: (phone: string) => pendingReadyForPhone.all(phone),
    markSent: (id: number, now: number) => markSent.run(now, id),
    markSkipped: (id: number, reason: string) => markSkipped.run(reason, id),
    forApplication: (tn: string) => forApplication.all(tn),
  }
}
export type NotificationQueries = ReturnType<typeof notificationQueries>
