import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DB_FILE, openDatabase } from '../../main/db/open'
import {
  DatabaseTooNewError,
  LATEST_VERSION,
  MIGRATIONS,
  migrate,
  type Migration,
} from '../../main/db/migrations'
import { auditQueries } from '../../main/db/queries/audit'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { tempDir } from '../helpers/temp-dir'

const userVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number
const tableNames = (db: Database): string[] =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name)

describe('migrations', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Database | null
  let file: string
  beforeEach(() => {
    tmp = tempDir()
    file = path.join(tmp.dir, DB_FILE)
    db = null
  })
  afterEach(() => {
    db?.close()
    tmp.cleanup()
  })
  const open = (): Database => (db = new Sqlite(file))

  it('the latest version is at least 20 and versions only go up', () => {
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(20)
    expect(LATEST_VERSION).toBe(MIGRATIONS.at(-1)?.version)
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
  })

  it('upgrades a version-10 database to the latest without losing its rows', () => {
    const d = open()
    expect(migrate(d, 10)).toBe(10)
    expect(userVersion(d)).toBe(10)
    expect(tableNames(d)).toEqual(['centre', 'settings', 'staff'])
    d.prepare(
      "INSERT INTO centre (id, number, name, workstation_slot, device_id, created_at) VALUES (1, '042', 'GPO', '01', 'dev-1', 1)",
    ).run()
    d.prepare(
      "INSERT INTO staff (staff_number, name, role, pin_hash, created_at, updated_at) VALUES ('ADM001', 'Amina', 'admin', 'h', 1, 1)",
    ).run()
    d.close()

    const again = open()
    expect(migrate(again, 20)).toBe(20)
    expect(userVersion(again)).toBe(20)
    expect(tableNames(again)).toEqual(expect.arrayContaining(['events', 'outbox', 'audit_log']))
    const rowsAt20 = {
      centre: again.prepare('SELECT number, name, workstation_slot, device_id FROM centre').all(),
      staff: again.prepare('SELECT staff_number, name, role, active, failed_attempts FROM staff').all(),
    }
    // And on to the latest version, whatever it is now.
    expect(migrate(again)).toBe(LATEST_VERSION)
    expect(userVersion(again)).toBe(LATEST_VERSION)
    expect(again.prepare('SELECT number, name, workstation_slot, device_id FROM centre').all()).toEqual(
      rowsAt20.centre,
    )
    expect(
      again.prepare('SELECT staff_number, name, role, active, failed_attempts FROM staff').all(),
    ).toEqual(rowsAt20.staff)
    expect(again.prepare('SELECT number, name, workstation_slot, device_id FROM centre').all()).toEqual([
      { number: '042', name: 'GPO', workstation_slot: '01', device_id: 'dev-1' },
    ])
    expect(
      again.prepare('SELECT staff_number, name, role, active, failed_attempts FROM staff').all(),
    ).toEqual([{ staff_number: 'ADM001', name: 'Amina', role: 'admin', active: 1, failed_attempts: 0 }])
  })

  it('is idempotent: migrating an up-to-date database changes nothing', () => {
    const d = open()
    migrate(d)
    const schema = d.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
    expect(migrate(d)).toBe(LATEST_VERSION)
    expect(d.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schema)
  })

  it('refuses a database from a newer app and leaves it as it was', () => {
    const d = open()
    d.exec('CREATE TABLE future_thing (x INTEGER)')
    d.pragma('user_version = 999')
    d.close()
    db = null

    const clock = manualClock()
    let thrown: unknown
    try {
      openDatabase(tmp.dir, clock, silentLogger)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError)
    expect((thrown as DatabaseTooNewError).found).toBe(999)
    expect((thrown as Error).message).toMatch(/newer version of the app \(schema 999, this app knows \d+\)/)

    const check = open()
    expect(userVersion(check)).toBe(999)
    expect(tableNames(check)).toEqual(['future_thing'])
    // Not treated as damage: nothing was moved aside.
    expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('damaged'))).toEqual([])
  })

  // Regression, fixed (main/db/open.ts openDatabase): configure() switches the file to WAL (header bytes 18-19 go 1 -> 2)
  // before migrate() finds the schema too new, so the "not changed" promise in DatabaseTooNewError is not kept.
  it('leaves a too-new database file byte for byte unchanged', () => {
    const d = open()
    d.exec('CREATE TABLE future_thing (x INTEGER)')
    d.pragma('user_version = 999')
    d.close()
    db = null
    const before = fs.readFileSync(file)
    expect(() => openDatabase(tmp.dir, manualClock(), silentLogger)).toThrow(DatabaseTooNewError)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('migrate() itself refuses a too-new database before touching it', () => {
    const d = open()
    d.pragma('user_version = 999')
    expect(() => migrate(d)).toThrow(DatabaseTooNewError)
    expect(tableNames(d)).toEqual([])
  })

  it('runs each step atomically: a failing step leaves the previous version and none of its tables', () => {
    const next = LATEST_VERSION + 10
    const failing: Migration = {
      version: next,
      name: 'fails-half-way',
      up(d) {
        d.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY)')
        d.exec('INSERT INTO half_done (id) VALUES (1)')
        throw new Error('the new step broke')
      },
    }
    const d = open()
    expect(() => migrate(d, next, [...MIGRATIONS, failing])).toThrow('the new step broke')
    expect(userVersion(d)).toBe(LATEST_VERSION)
    expect(tableNames(d)).not.toContain('half_done')
    expect(tableNames(d)).toEqual(expect.arrayContaining(['events', 'outbox', 'audit_log']))
  })

  it('a failing first step leaves a fresh database empty at version 0', () => {
    const broken: Migration = {
      version: 10,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE centre (id INTEGER)')
        d.exec('THIS IS NOT SQL')
      },
    }
    const d = open()
    expect(() => migrate(d, 20, [broken, ...MIGRATIONS.slice(1)])).toThrow()
    expect(userVersion(d)).toBe(0)
    expect(tableNames(d)).toEqual([])
  })

  it('stops at the target version', () => {
    const d = open()
    expect(migrate(d, 10)).toBe(10)
    expect(tableNames(d)).not.toContain('events')
  })

  describe('append-only tables', () => {
    let d: Database
    beforeEach(() => {
      d = open()
      migrate(d)
      d.prepare(
        `INSERT INTO events (id, type, occurred_at, staff_number, device_id, tracking_number, payload)
         VALUES ('0190f2a0-0000-7000-8000-000000000001', 'x.happened', 1, 'ADM001', 'dev', NULL, '{}')`,
      ).run()
      auditQueries(d).write({ at: 1, staffNumber: 'ADM001', action: 'auth.signIn' })
    })

    it('events cannot be updated or deleted', () => {
      expect(() => d.prepare("UPDATE events SET type = 'rewritten'").run()).toThrow('events are append-only')
      expect(() => d.prepare('DELETE FROM events').run()).toThrow('events are append-only')
      expect(d.prepare('SELECT type FROM events').all()).toEqual([{ type: 'x.happened' }])
    })

    it('audit log entries cannot be updated or deleted', () => {
      expect(() => d.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(
        'the audit log is append-only',
      )
      expect(() => d.prepare('DELETE FROM audit_log').run()).toThrow('the audit log is append-only')
      expect(d.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'auth.signIn' }])
    })

    it('an outbox row must point at an existing event (with foreign keys on)', () => {
      d.pragma('foreign_keys = ON')
      expect(() =>
        d.prepare('INSERT INTO outbox (event_seq, next_attempt_at) VALUES (999, 1)').run(),
      ).toThrow(/FOREIGN KEY/)
    })

    it('event ids must be 36 characters and payloads valid JSON', () => {
      expect(() =>
        d
          .prepare(
            "INSERT INTO events (id, type, occurred_at, device_id, payload) VALUES ('short', 't', 1, 'dev', '{}')",
          )
          .run(),
      ).toThrow(/CHECK/)
      expect(() =>
        d
          .prepare(
            "INSERT INTO events (id, type, occurred_at, device_id, payload) VALUES ('0190f2a0-0000-7000-8000-000000000002', 't', 1, 'dev', 'not json')",
          )
          .run(),
      ).toThrow(/CHECK/)
    })
  })
})
