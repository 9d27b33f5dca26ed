import type { Database } from 'better-sqlite3'

/** One selected document, as the campaign selection reads it (only the columns a preview needs). */
export interface ReminderCandidateRow {
  tn: string
  phone: string
  language: 'en' | 'sw'
  name: string
  service: string
  arrivedAt: number
  registeredAt: number
  consent: 0 | 1
}

export interface CampaignRow {
  id: number
  dry_run: 0 | 1
  criteria: string
  documents: number
  recipients: number
  segments: number
  cost_cents: number
  excluded_recent: number
  excluded_no_consent: number
  first_due_at: number | null
  last_due_at: number | null
  created_at: number
  created_by: string
  sent: number
  scheduled: number
  skipped: number
}

export interface CampaignMessageRow {
  id: number
  campaign_id: number
  phone: string
  language: 'en' | 'sw'
  tracking_numbers: string
  due_at: number
  status: 'scheduled' | 'sent' | 'skipped'
}

export interface NewCampaign {
  dryRun: 0 | 1
  criteria: string
  documents: number
  recipients: number
  segments: number
  costCents: number
  excludedRecent: number
  excludedNoConsent: number
  firstDueAt: number | null
  lastDueAt: number | null
  createdAt: number
  createdBy: string
}

const CANDIDATE_COLUMNS = `a.tracking_number AS tn, a.phone, a.language, a.customer_name AS name,
  a.service_code AS service, a.arrived_at AS arrivedAt, a.registered_at AS registeredAt, a.sms_consent AS consent`

/**
 * Queries of reminder campaigns. The selection reads the shelf through `applications_arrived_at` (every service)
 * or `applications_shelf_service_age` (chosen services), never the whole table; see the query-plan test.
 */
export function campaignQueries(db: Database) {
  const candidatesAll = db.prepare<{ arrivedBefore: number; remindedBefore: number }, ReminderCandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM applications a
     WHERE a.status = 'arrived' AND a.arrived_at < @arrivedBefore AND a.missing = 0
       AND (a.last_reminder_at IS NULL OR a.last_reminder_at < @remindedBefore)`,
  )
  // Pinned to the (status, service, arrival) index: without statistics SQLite would walk every service's shelf
  // by arrival and filter, which reads the whole shelf for a campaign about one service.
  const candidatesForServices = db.prepare<
    { arrivedBefore: number; remindedBefore: number; services: string },
    ReminderCandidateRow
  >(
    `SELECT ${CANDIDATE_COLUMNS} FROM json_each(@services) s
     JOIN applications a INDEXED BY applications_shelf_service_age ON a.status = 'arrived' AND a.service_code = s.value AND a.arrived_at < @arrivedBefore
     WHERE a.missing = 0 AND (a.last_reminder_at IS NULL OR a.last_reminder_at < @remindedBefore)`,
  )
  // Phones reminded inside the exclusion window (from any workstation), and phones with a reminder still waiting.
  const recentlyReminded = db.prepare<[number], { phone: string }>(
    // Pinned: for DISTINCT the planner would rather walk the phone index over the whole table.
    'SELECT DISTINCT phone FROM applications INDEXED BY applications_last_reminder WHERE last_reminder_at > ?',
  )
  const scheduledPhones = db.prepare<[], { phone: string }>(
    "SELECT DISTINCT phone FROM campaign_messages WHERE status = 'scheduled'",
  )
  const phoneRemindedSince = db.prepare<[string, number], { n: number }>(
    'SELECT count(*) AS n FROM applications WHERE phone = ? AND last_reminder_at > ?',
  )
  const insertCampaign = db.prepare(
    `INSERT INTO campaigns (dry_run, criteria, documents, recipients, segments, cost_cents, excluded_recent,
       excluded_no_consent, first_due_at, last_due_at, created_at, created_by)
     VALUES (@dryRun, @criteria, @documents, @recipients, @segments, @costCents, @excludedRecent,
       @excludedNoConsent, @firstDueAt, @lastDueAt, @createdAt, @createdBy)`,
  )
  const insertMessage = db.prepare(
    `INSERT INTO campaign_messages (campaign_id, phone, language, tracking_numbers, due_at, status)
     VALUES (?, ?, ?, ?, ?, 'scheduled')`,
  )
  const insertNotification = db.prepare(
    `INSERT INTO notifications (tracking_number, kind, due_at, status, campaign_message_id)
     VALUES (?, 'reminder', ?, 'scheduled', ?)`,
  )
  const dueMessages = db.prepare<[number], CampaignMessageRow>(
    `SELECT id, campaign_id, phone, language, tracking_numbers, due_at, status FROM campaign_messages
     WHERE status = 'scheduled' AND due_at <= ? ORDER BY due_at, id LIMIT 500`,
  )
  const markMessageSent = db.prepare(
    "UPDATE campaign_messages SET status = 'sent', sent_at = ?, event_id = ? WHERE id = ?",
  )
  const markMessageSkipped = db.prepare(
    "UPDATE campaign_messages SET status = 'skipped', skip_reason = ? WHERE id = ?",
  )
  const markNotificationSent = db.prepare(
    "UPDATE notifications SET status = 'sent', sent_at = ? WHERE campaign_message_id = ? AND tracking_number = ?",
  )
  const markNotificationSkipped = db.prepare(
    `UPDATE notifications SET status = 'skipped', skip_reason = ?
     WHERE campaign_message_id = ? AND tracking_number = ?`,
  )
  const setLastReminder = db.prepare(
    'UPDATE applications SET last_reminder_at = max(coalesce(last_reminder_at, 0), ?) WHERE tracking_number = ?',
  )
  const campaignColumns = `c.*,
    (SELECT count(*) FROM campaign_messages m WHERE m.campaign_id = c.id AND m.status = 'sent') AS sent,
    (SELECT count(*) FROM campaign_messages m WHERE m.campaign_id = c.id AND m.status = 'scheduled') AS scheduled,
    (SELECT count(*) FROM campaign_messages m WHERE m.campaign_id = c.id AND m.status = 'skipped') AS skipped`
  const list = db.prepare<[number], CampaignRow>(
    `SELECT ${campaignColumns} FROM campaigns c ORDER BY c.id DESC LIMIT ?`,
  )
  const byId = db.prepare<[number], CampaignRow>(`SELECT ${campaignColumns} FROM campaigns c WHERE c.id = ?`)
  const createdBy = db.prepare<[number], { created_by: string }>(
    'SELECT created_by FROM campaigns WHERE id = ?',
  )

  return {
    /** The list statements' SQL, for the query-plan test. */
    sql: {
      candidatesAll: candidatesAll.source,
      candidatesForServices: candidatesForServices.source,
      recentlyReminded: recentlyReminded.source,
      scheduledPhones: scheduledPhones.source,
      phoneRemindedSince: phoneRemindedSince.source,
      dueMessages: dueMessages.source,
    },
    candidates(p: { arrivedBefore: number; remindedBefore: number; serviceCodes: readonly string[] }) {
      return p.serviceCodes.length === 0
        ? candidatesAll.all(p)
        : candidatesForServices.all({ ...p, services: JSON.stringify([...new Set(p.serviceCodes)]) })
    },
    excludedPhones(windowStart: number): Set<string> {
      const phones = new Set<string>()
      for (const r of recentlyReminded.iterate(windowStart)) phones.add(r.phone)
      for (const r of scheduledPhones.iterate()) phones.add(r.phone)
      return phones
    },
    phoneRemindedSince: (phone: string, since: number) => (phoneRemindedSince.get(phone, since)?.n ?? 0) > 0,
    insertCampaign: (c: NewCampaign) => Number(insertCampaign.run(c).lastInsertRowid),
    insertMessage: (p: {
      campaignId: number
      phone: string
      language: string
      tns: string[]
      dueAt: number
    }) =>
      Number(
        insertMessage.run(p.campaignId, p.phone, p.language, JSON.stringify(p.tns), p.dueAt).lastInsertRowid,
      ),
    insertNotification: (tn: string, dueAt: number, messageId: number) =>
      insertNotification.run(tn, dueAt, messageId),
    dueMessages: (now: number) => dueMessages.all(now),
    markMessageSent: (id: number, now: number, eventId: string) => markMessageSent.run(now, eventId, id),
    markMessageSkipped: (id: number, reason: string) => markMessageSkipped.run(reason, id),
    markNotificationSent: (messageId: number, tn: string, now: number) =>
      markNotificationSent.run(now, messageId, tn),
    markNotificationSkipped: (messageId: number, tn: string, reason: string) =>
      markNotificationSkipped.run(reason, messageId, tn),
    setLastReminder: (tn: string, at: number) => setLastReminder.run(at, tn),
    list: (limit: number) => list.all(limit),
    byId: (id: number) => byId.get(id) ?? null,
    createdBy: (id: number) => createdBy.get(id)?.created_by ?? null,
  }
}
export type CampaignQueries = ReturnType<typeof campaignQueries>
