import type { Migration } from './types'

/** Nairobi calendar day number (days since 1970-01-01, UTC+3 all year) of an epoch-ms column, in SQL. */
const day = (col: string): string => `((${col} + 10800000) / 86400000)`

/**
 * The rollup rows one application contributes, added (`sign` = 1) or taken away (-1). `r` is NEW or OLD.
 * Stage 'agency' ends the day the document arrived; stage 'customer' ends the day it was collected. A stage
 * that has ended never changes unless a correction rewrites its times, and then the trigger takes the old
 * contribution away before adding the new one, so the rollups always equal a GROUP BY over `applications`.
 */
function contribution(r: 'NEW' | 'OLD', sign: 1 | -1): string {
  const stage = (name: string, start: string, end: string): string => {
    const when = `WHERE ${r}.${start} IS NOT NULL AND ${r}.${end} IS NOT NULL`
    const endDay = day(`${r}.${end}`)
    const days = `max(0, ${endDay} - ${day(`${r}.${start}`)})`
    return `
      INSERT INTO turnaround_day (stage, day, service_code, days, n)
        SELECT '${name}', ${endDay}, ${r}.service_code, ${days}, ${sign} ${when}
        ON CONFLICT (stage, day, service_code, days) DO UPDATE SET n = n + excluded.n;
      INSERT INTO turnaround_month (stage, month, service_code, days, n)
        SELECT '${name}', CAST(strftime('%Y%m', ${endDay} * 86400, 'unixepoch') AS INTEGER), ${r}.service_code,
               ${days}, ${sign} ${when}
        ON CONFLICT (stage, service_code, days, month) DO UPDATE SET n = n + excluded.n;
      INSERT INTO stage_day (stage, day, n, days_sum)
        SELECT '${name}', ${endDay}, ${sign}, ${sign} * ${days} ${when}
        ON CONFLICT (stage, day) DO UPDATE SET n = n + excluded.n, days_sum = days_sum + excluded.days_sum;`
  }
  const collected30 = `(${r}.collected_at IS NOT NULL AND ${day(`${r}.collected_at`)} - ${day(`${r}.arrived_at`)} <= 30)`
  return `
    ${stage('agency', 'registered_at', 'arrived_at')}
    ${stage('customer', 'arrived_at', 'collected_at')}
    INSERT INTO arrival_cohort (day, service_code, arrived, collected_30)
      SELECT ${day(`${r}.arrived_at`)}, ${r}.service_code, ${sign}, ${sign} * ${collected30}
      WHERE ${r}.arrived_at IS NOT NULL
      ON CONFLICT (day, service_code) DO UPDATE
        SET arrived = arrived + excluded.arrived, collected_30 = collected_30 + excluded.collected_30;`
}

/** The rollup triggers' SQL, exported so the seeder can drop them for a bulk load and put them back. */
export const ROLLUP_TRIGGERS_SQL = `
  CREATE TRIGGER manager_rollup_insert AFTER INSERT ON applications WHEN NEW.arrived_at IS NOT NULL
  BEGIN ${contribution('NEW', 1)} END;

  CREATE TRIGGER manager_rollup_update
  AFTER UPDATE OF service_code, registered_at, arrived_at, collected_at ON applications
  WHEN OLD.service_code IS NOT NEW.service_code OR OLD.registered_at IS NOT NEW.registered_at
    OR OLD.arrived_at IS NOT NEW.arrived_at OR OLD.collected_at IS NOT NEW.collected_at
  BEGIN ${contribution('OLD', -1)} ${contribution('NEW', 1)} END;

  CREATE TRIGGER manager_rollup_delete AFTER DELETE ON applications WHEN OLD.arrived_at IS NOT NULL
  BEGIN ${contribution('OLD', -1)} END;
`

/**
 * Rebuilds every rollup from `applications` in one pass. The triggers keep them right on every write; this is for
 * a bulk load that ran without them (the demo seeder) and for repair.
 */
export const REBUILD_ROLLUPS_SQL = `
  DELETE FROM turnaround_day;
  DELETE FROM turnaround_month;
  DELETE FROM stage_day;
  DELETE FROM arrival_cohort;
  CREATE TEMP TABLE IF NOT EXISTS manager_stage_rows (stage TEXT, day INTEGER, service_code TEXT, days INTEGER);
  DELETE FROM temp.manager_stage_rows;
  INSERT INTO temp.manager_stage_rows
    SELECT 'agency', ${day('arrived_at')}, service_code, max(0, ${day('arrived_at')} - ${day('registered_at')})
    FROM applications WHERE arrived_at IS NOT NULL
    UNION ALL
    SELECT 'customer', ${day('collected_at')}, service_code, max(0, ${day('collected_at')} - ${day('arrived_at')})
    FROM applications WHERE arrived_at IS NOT NULL AND collected_at IS NOT NULL;
  INSERT INTO turnaround_day (stage, day, service_code, days, n)
    SELECT stage, day, service_code, days, count(*) FROM temp.manager_stage_rows GROUP BY 1, 2, 3, 4;
  INSERT INTO turnaround_month (stage, month, service_code, days, n)
    SELECT stage, CAST(strftime('%Y%m', day * 86400, 'unixepoch') AS INTEGER), service_code, days, sum(n)
    FROM turnaround_day GROUP BY 1, 2, 3, 4;
  INSERT INTO stage_day (stage, day, n, days_sum)
    SELECT stage, day, sum(n), sum(n * days) FROM turnaround_day GROUP BY 1, 2;
  INSERT INTO arrival_cohort (day, service_code, arrived, collected_30)
    SELECT ${day('arrived_at')}, service_code, count(*),
           sum(collected_at IS NOT NULL AND ${day('collected_at')} - ${day('arrived_at')} <= 30)
    FROM applications WHERE arrived_at IS NOT NULL GROUP BY 1, 2;
  DROP TABLE temp.manager_stage_rows;
`

/** Keeps `applications.sms_outcome` equal to "what became of the last SMS about this document". */
export const SMS_OUTCOME_TRIGGERS_SQL = `
  CREATE TRIGGER manager_sms_sent_update AFTER UPDATE OF status ON notifications WHEN NEW.status = 'sent'
  BEGIN
    UPDATE applications SET sms_outcome = 'pending'
    WHERE tracking_number = NEW.tracking_number AND sms_outcome IS NULL;
  END;
  CREATE TRIGGER manager_sms_sent_insert AFTER INSERT ON notifications WHEN NEW.status = 'sent'
  BEGIN
    UPDATE applications SET sms_outcome = 'pending'
    WHERE tracking_number = NEW.tracking_number AND sms_outcome IS NULL;
  END;
  CREATE TRIGGER manager_sms_outcome AFTER INSERT ON delivery_outcomes
  BEGIN
    UPDATE applications SET sms_outcome = NEW.outcome, sms_outcome_at = NEW.at
    WHERE tracking_number = NEW.tracking_number AND (sms_outcome_at IS NULL OR sms_outcome_at <= NEW.at);
  END;
`

/**
 * The centre manager's backlog and analytics.
 *
 * - `applications.sms_outcome` (NULL never sent, 'pending', 'delivered', 'failed', 'invalid-number') is the outcome
 *   of the latest SMS about a document, kept by triggers on `notifications` and `delivery_outcomes` so that
 *   counting the shelf by SMS outcome reads one small index instead of joining two tables per document.
 * - Partial indexes over the shelf (`status = 'arrived'`) and the agency queue (`status = 'registered'`): the
 *   dashboard reads only these few-percent slices of a multi-million-row table, and the indexes cost nothing
 *   for collected documents. Each shelf index leads with the column it groups or filters by, then arrival time
 *   (the list order), then the other filter columns, so every count is answered from the index alone and a list
 *   page touches only the rows it shows.
 * - Rollups keyed by the Nairobi day a stage ended (see `contribution`), kept by triggers in the same transaction
 *   as the change, whoever writes it (a service, replication, a restore): turnaround histograms per day and per
 *   month (months answer long periods in a few thousand rows), per-day totals for trends, and arrival cohorts for
 *   the 30-day collection rate.
 * - `call_log`: phone calls to customers whose SMS failed.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'manager',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN sms_outcome TEXT
        CHECK (sms_outcome IS NULL OR sms_outcome IN ('pending', 'delivered', 'failed', 'invalid-number'));
      ALTER TABLE applications ADD COLUMN sms_outcome_at INTEGER;

      UPDATE applications SET sms_outcome = 'pending'
      WHERE tracking_number IN (SELECT tracking_number FROM notifications WHERE status = 'sent');
      UPDATE applications SET
        sms_outcome = (SELECT outcome FROM delivery_outcomes d WHERE d.tracking_number = applications.tracking_number
                       ORDER BY at DESC LIMIT 1),
        sms_outcome_at = (SELECT max(at) FROM delivery_outcomes d WHERE d.tracking_number = applications.tracking_number)
      WHERE tracking_number IN (SELECT tracking_number FROM delivery_outcomes);

      CREATE INDEX applications_shelf_by_age ON applications (arrived_at, service_code, sms_outcome, shelf_slot)
        WHERE status = 'arrived';
      CREATE INDEX applications_shelf_by_service ON applications (service_code, arrived_at, sms_outcome, shelf_slot)
        WHERE status = 'arrived';
      CREATE INDEX applications_shelf_by_slot ON applications (shelf_slot, arrived_at, service_code, sms_outcome)
        WHERE status = 'arrived';
      CREATE INDEX applications_shelf_by_sms ON applications (sms_outcome, arrived_at, service_code, shelf_slot)
        WHERE status = 'arrived';
      CREATE INDEX applications_call_list ON applications (arrived_at, tracking_number)
        WHERE status = 'arrived' AND sms_outcome IN ('failed', 'invalid-number');
      CREATE INDEX applications_awaiting ON applications (expected_ready, service_code) WHERE status = 'registered';
      CREATE INDEX applications_awaiting_by_service ON applications (service_code, expected_ready)
        WHERE status = 'registered';

      CREATE TABLE turnaround_day (
        stage TEXT NOT NULL CHECK (stage IN ('agency', 'customer')),
        day INTEGER NOT NULL,
        service_code TEXT NOT NULL,
        days INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (stage, day, service_code, days)
      ) STRICT, WITHOUT ROWID;
      -- Keyed by service and duration before month: a long period then reads the stage's rows in GROUP BY order
      -- (no sort), which at five years is several times faster than a month range followed by a sort.
      CREATE TABLE turnaround_month (
        stage TEXT NOT NULL CHECK (stage IN ('agency', 'customer')),
        month INTEGER NOT NULL,
        service_code TEXT NOT NULL,
        days INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (stage, service_code, days, month)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE stage_day (
        stage TEXT NOT NULL CHECK (stage IN ('agency', 'customer')),
        day INTEGER NOT NULL,
        n INTEGER NOT NULL,
        days_sum INTEGER NOT NULL,
        PRIMARY KEY (stage, day)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE arrival_cohort (
        day INTEGER NOT NULL,
        service_code TEXT NOT NULL,
        arrived INTEGER NOT NULL,
        collected_30 INTEGER NOT NULL,
        PRIMARY KEY (day, service_code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE call_log (
        id INTEGER PRIMARY KEY,
        tracking_number TEXT NOT NULL REFERENCES applications (tracking_number),
        at INTEGER NOT NULL,
        staff_number TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no-answer', 'switched-off', 'wrong-number')),
        note TEXT
      ) STRICT;
      CREATE INDEX call_log_tracking ON call_log (tracking_number, id);
    `)
    db.exec(ROLLUP_TRIGGERS_SQL)
    db.exec(SMS_OUTCOME_TRIGGERS_SQL)
    db.exec(REBUILD_ROLLUPS_SQL)
  },
}
