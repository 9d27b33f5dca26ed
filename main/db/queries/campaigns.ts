import type { Database } from 'better-sqlite3-multiple-ciphers'

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
  /** Tells apart rows that arrived at the same instant, where one page ends and the next begins. */
  rid: number
}

/** One page of the campaign selection: rows that arrived at `fromArrived` or later, at most `limit`. */
export interface CandidatePageParams {
  arrivedBefore: number
  remindedBefore: number
  fromArrived: number
  limit: number
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
  // Read in pages along the index from the last page's arrival time on (inclusive: the caller skips the rows of
  // that instant it already has), so a campaign to the whole shelf never holds the core in one long statement
  // (see reminder-selection: it yields between pages). Each page comes in index order, never sorted.
  const candidatesAll = db.prepare<CandidatePageParams, ReminderCandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS}, a.rowid AS rid FROM applications a INDEXED BY applications_arrived_at
     WHERE a.status = 'arrived' AND a.arrived_at >= @fromArrived AND a.arrived_at < @arrivedBefore
       AND a.missing = 0 AND (a.last_reminder_at IS NULL OR a.last_reminder_at < @remindedBefore)
     ORDER BY a.arrived_at LIMIT @limit`,
  )
  // One service at a time, pinned to the (status, service, arrival, missing) index: without statistics SQLite would
  // walk every service's shelf by arrival and filter, which reads the whole shelf for a campaign about one service.
  // `+` keeps `missing = 0` a filter: as an index term it would make SQLite sort each page.
  const candidatesForService = db.prepare<CandidatePageParams & { service: string }, ReminderCandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS}, a.rowid AS rid FROM applications a INDEXED BY applications_shelf_service_age
     WHERE a.status = 'arrived' AND a.service_code = @service
       AND a.arrived_at >= @fromArrived AND a.arrived_at < @arrivedBefore
       AND +a.missing = 0 AND (a.last_reminder_at IS NULL OR a.last_reminder_at < @remindedBefore)
     ORDER BY a.arrived_at LIMIT @limit`,
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
       excluded_no_consent, first_due_at, last_due_at, created_at, created_by, preparing)
     VALUES (@dryRun, @criteria, @documents, @recipients, @segments, @costCents, @excludedRecent,
       @excludedNoConsent, @firstDueAt, @lastDueAt, @createdAt, @createdBy, @preparing)`,
  )
  const markPrepared = db.prepare('UPDATE campaigns SET preparing = 0 WHERE id = ? AND preparing = 1')
  const unprepared = db.prepare<[], { id: number }>(
    'SELECT id FROM campaigns INDEXED BY campaigns_preparing WHERE preparing = 1 ORDER BY id LIMIT 1',
  )
  const messagesOf = db.prepare<[number, number], { id: number; tracking_numbers: string }>(
    'SELECT id, tracking_numbers FROM campaign_messages WHERE campaign_id = ? LIMIT ?',
  )
  const deleteNotification = db.prepare(
    'DELETE FROM notifications WHERE tracking_number = ? AND campaign_message_id = ?',
  )
  const deleteMessage = db.prepare('DELETE FROM campaign_messages WHERE id = ?')
  const deleteCampaign = db.prepare('DELETE FROM campaigns WHERE id = ? AND preparing = 1')
  const dueMessagesOf = db.prepare<[number, number], CampaignMessageRow>(
    `SELECT id, campaign_id, phone, language, tracking_numbers, due_at, status FROM campaign_messages
     WHERE campaign_id = ? AND status = 'scheduled' AND due_at <= ? ORDER BY due_at, id`,
  )
  const insertMessage = db.prepare(
    `INSERT INTO campaign_messages (campaign_id, phone, language, tracking_numbers, due_at, status)
     VALUES (?, ?, ?, ?, ?, 'scheduled')`,
  )
  const insertNotification = db.prepare(
    `INSERT INTO notifications (tracking_number, kind, due_at, status, campaign_message_id)
     VALUES (?, 'reminder', ?, 'scheduled', ?)`,
  )
  // A campaign still being written sends nothing until its last slice is in.
  const dueMessages = db.prepare<[number], CampaignMessageRow>(
    `SELECT m.id, m.campaign_id, m.phone, m.language, m.tracking_numbers, m.due_at, m.status
     FROM campaign_messages m INDEXED BY campaign_messages_due
     WHERE m.status = 'scheduled' AND m.due_at <= ?
       AND NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.id = m.campaign_id AND c.preparing = 1)
     ORDER BY m.due_at, m.id LIMIT 500`,
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
    `SELECT ${campaignColumns} FROM campaigns c WHERE c.preparing = 0 ORDER BY c.id DESC LIMIT ?`,
  )
  const byId = db.prepare<[number], CampaignRow>(`SELECT ${campaignColumns} FROM campaigns c WHERE c.id = ?`)
  const createdBy = db.prepare<[number], { created_by: string }>(
    'SELECT created_by FROM campaigns WHERE id = ?',
  )

  return {
    /** The list statements' SQL, for the query-plan test. */
    sql: {
      candidatesAll: candidatesAll.source,
      candidatesForService: candidatesForService.source,
      recentlyReminded: recentlyReminded.source,
      scheduledPhones: scheduledPhones.source,
      phoneRemindedSince: phoneRemindedSince.source,
      dueMessages: dueMessages.source,
    },
    /** A page of the selection: of every service (`service` null) or of one. */
    candidatePage: (p: CandidatePageParams & { service: string | null }): ReminderCandidateRow[] =>
      p.service === null ? candidatesAll.all(p) : candidatesForService.all({ ...p, service: p.service }),
    excludedPhones(windowStart: number): Set<string> {
      const phones = new Set<string>()
      for (const r of recentlyReminded.iterate(windowStart)) phones.add(r.phone)
      for (const r of scheduledPhones.iterate()) phones.add(r.phone)
      return phones
    },
    phoneRemindedSince: (phone: string, since: number) => (phoneRemindedSince.get(phone, since)?.n ?? 0) > 0,
    insertCampaign: (c: NewCampaign, preparing = false) =>
      Number(insertCampaign.run({ ...c, preparing: preparing ? 1 : 0 }).lastInsertRowid),
    markPrepared: (id: number) => markPrepared.run(id).changes === 1,
    /** The oldest campaign a crash left half written, if any. */
    unprepared: () => unprepared.get()?.id ?? null,
    /**
     * Removes up to `limit` messages (with their reminder rows) of a campaign left half written, and the campaign
     * once none is left. Answers whether anything of it remains.
     */
    discardUnprepared(id: number, limit: number): boolean {
      const messages = messagesOf.all(id, limit)
      for (const m of messages) {
        for (const tn of JSON.parse(m.tracking_numbers) as string[]) deleteNotification.run(tn, m.id)
        deleteMessage.run(m.id)
      }
      if (messages.length < limit) {
        deleteCampaign.run(id)
        return false
      }
      return true
    },
    dueMessagesOf: (campaignId: number, now: number) => dueMessagesOf.all(campaignId, now),
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
