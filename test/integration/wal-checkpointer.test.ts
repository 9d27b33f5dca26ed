import { randomBytes } from 'node:crypto'
import Sqlite from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openKeyed } from '../../main/db/cipher'
import { createWalCheckpointer } from '../../main/db/wal-checkpointer'
import { tempDir } from '../helpers/temp-dir'

/**
 * The catch-up's checkpointer (main/db/wal-checkpointer.ts) on a real keyed file: its worker opens the file with
 * the app's key and copies the WAL into the database while the writer has SQLite's own checkpoints off.
 */

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.cleanup())

it('copies every committed frame into the keyed database, and the writer’s next commit rewinds the WAL', async () => {
  const db = openKeyed(`${tmp.dir}/k.sqlite`, randomBytes(32))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.exec('CREATE TABLE t (x TEXT)')
    const insert = db.prepare('INSERT INTO t VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(randomBytes(200).toString('hex'))
    })()
    const errors: string[] = []
    const c = createWalCheckpointer(db, (m) => errors.push(m))
    expect(c).not.toBeNull()
    await c!.settle()
    expect(errors).toEqual([])
    expect(c!.ok()).toBe(true)
    // Everything was copied: the report says so (0), and a checkpoint here finds nothing left to copy.
    expect(c!.walFrames()).toBe(0)
    const [left] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
    expect(left!.log).toBe(left!.checkpointed)
    await c!.close()
    insert.run('after')
    const [rewound] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    expect(rewound!.log).toBeLessThan(10)
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2_001)
  } finally {
    db.close()
  }
})

it('is not made for a connection without a key of the app’s, nor for one in memory', () => {
  const plain = new Sqlite(`${tmp.dir}/p.sqlite`)
  const memory = new Sqlite(':memory:')
  try {
    expect(createWalCheckpointer(plain, () => undefined)).toBeNull()
    expect(createWalCheckpointer(memory, () => undefined)).toBeNull()
  } finally {
    plain.close()
    memory.close()
  }
})

it('a key that does not fit is reported, and the caller told to use SQLite’s own checkpoints', async () => {
  const file = `${tmp.dir}/w.sqlite`
  const db = openKeyed(file, randomBytes(32))
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE t (x)')
  // A second keyed connection to the same file with another key stands for a worker that cannot read it.
  const other = openKeyed(file, randomBytes(32))
  try {
    const errors: string[] = []
    const c = createWalCheckpointer(other, (m) => errors.push(m))
    await c!.settle()
    expect(c!.ok()).toBe(false)
    expect(errors.length).toBeGreaterThan(0)
    await c!.close()
  } finally {
    other.close()
    db.close()
  }
})
