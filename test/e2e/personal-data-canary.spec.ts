import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ADMIN, CLERK, DESK, session } from './fixtures/desk'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * The canary: a customer's name, phone and ID number no other test uses (and a proxy's) go through a shift of the
 * real host process — registration with a receipt, arrival, the "ready" SMS, a kill -9 and a restart, the hand-over to
 * the owner and to a proxy, the transfer file for a USB stick, the daily backup — and afterwards not one byte of them
 * is in plain text anywhere the host wrote: its data dir (database, -wal, -shm, journal, backups, key files), its temp
 * dir, its log, the transfer file. A backlog CSV a manager downloads on purpose (after the PIN again) is a deliberate
 * copy and not part of this.
 */
const OWNER = { customerName: 'Zawadi Qwertyuiop', phone: '0799 123 457', idNumber: '39876541' }
const PROXY = { name: 'Baraka Asdfghjkl', idNumber: '38765432' }
const SECOND = { customerName: 'Neema Zxcvbnmlk', phone: '0788 654 329', idNumber: '37654329' }
/** Each as it could be stored: as typed, normalised (+254…, digits only), in either case. */
const CANARIES = [
  'Qwertyuiop',
  'Asdfghjkl',
  'Zxcvbnmlk',
  '799123457',
  '788654329',
  '39876541',
  '38765432',
  '37654329',
]

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((e) => {
    const full = path.join(e.parentPath, e.name)
    return e.isFile() ? [full] : []
  })
}

/** Canary strings in a file's bytes: as UTF-8, as UTF-16 (a Windows-style log), case-insensitive. */
function hits(bytes: Buffer): string[] {
  const lower = Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1')
  return CANARIES.filter((c) => {
    const word = c.toLowerCase()
    return lower.includes(Buffer.from(word)) || lower.includes(Buffer.from(word, 'utf16le'))
  })
}

let root: string
let host: RunningHost | null = null
test.afterAll(async () => {
  await host?.kill9()
  if (root) fs.rmSync(root, { recursive: true, force: true })
})

test('a shift leaves no customer name, phone or ID number in plain text in any file the host writes', async ({
  browser,
}) => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-canary-'))
  const dataDir = path.join(root, 'data')
  const tmpDir = path.join(root, 'tmp')
  fs.mkdirSync(tmpDir)
  const env = { TMPDIR: tmpDir, TMP: tmpDir, TEMP: tmpDir }
  host = await startHost({ dataDir, env })
  const logs: string[] = []

  const admin = await session(browser, host.url)
  await admin.call('setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: ADMIN,
  })
  await admin.call('staff.create', { ...CLERK, role: 'clerk' })
  await admin.call('staff.create', { ...DESK, role: 'desk' })
  const clerk = await session(browser, host.url)
  await clerk.call('auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
  const register = async (who: typeof OWNER, serviceCode: string) => {
    const r = await clerk.call<{ application: { trackingNumber: string } }>('application.register', {
      serviceCode,
      ...who,
      language: 'en',
      smsConsent: true,
    })
    return r.application.trackingNumber
  }
  const owners = await register(OWNER, 'BIRTH_CERT')
  const proxied = await register(SECOND, 'GOOD_CONDUCT')
  // The receipt is made (screen printer): its bytes are kept for a reprint.
  expect(await clerk.call<unknown[]>('print.unprinted', {})).toBeDefined()

  const desk = await session(browser, host.url)
  await desk.call('auth.signIn', { staffNumber: DESK.staffNumber, pin: DESK.pin })
  const batch = await desk.call<{ id: number }>('arrivals.openBatch', {
    agency: 'Civil Registration Services',
  })
  for (const tn of [owners, proxied]) await desk.call('arrivals.scan', { batchId: batch.id, code: tn })
  await desk.call('arrivals.closeBatch', { batchId: batch.id })

  // A power cut mid-shift: the -wal is left as it was, and the host comes back on the same data dir.
  logs.push(host.output())
  await host.kill9()
  host = await startHost({ dataDir, env })
  const desk2 = await session(browser, host.url)
  await desk2.call('auth.signIn', { staffNumber: DESK.staffNumber, pin: DESK.pin })
  await desk2.call('collection.handOver', {
    trackingNumbers: [owners],
    collector: { kind: 'owner', idNumber: OWNER.idNumber },
  })
  await desk2.call('collection.handOver', {
    trackingNumbers: [proxied],
    collector: {
      kind: 'proxy',
      name: PROXY.name,
      idNumber: PROXY.idNumber,
      relationship: 'Brother',
      authorisationRef: 'AUTH-7781',
    },
  })
  // The names went in: the host shows them back to staff who may see them.
  const admin2 = await session(browser, host.url)
  await admin2.call('auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
  const stored = await admin2.call<{ customerName: string; status: string }>('application.get', {
    trackingNumber: owners,
  })
  expect(stored).toMatchObject({ customerName: OWNER.customerName, status: 'collected' })

  // The manager takes the waiting events away on a USB stick: the file as the browser saves it.
  const transfer = await admin2.call<{ fileName: string; content: string; events: number }>(
    'sync.exportPending',
    {
      passphrase: 'mango tree 42',
    },
  )
  expect(transfer.events).toBeGreaterThan(0)
  const stick = path.join(root, 'usb-stick')
  fs.mkdirSync(stick)
  fs.writeFileSync(path.join(stick, transfer.fileName), transfer.content)

  // The daily backup runs from the host's tick once set-up is done.
  const backups = path.join(dataDir, 'backups')
  await expect
    .poll(() => filesUnder(backups).filter((f) => f.endsWith('.sqlite')).length, { timeout: 20_000 })
    .toBeGreaterThan(0)

  // Another power cut, so the files are read as a crash leaves them (a -wal beside the database).
  logs.push(host.output())
  await host.kill9()
  host = null
  const logFile = path.join(root, 'host.log')
  fs.writeFileSync(logFile, logs.join('\n'))

  const written = [...filesUnder(dataDir), ...filesUnder(tmpDir), ...filesUnder(stick), logFile]
  expect(written.some((f) => f.endsWith('-wal'))).toBe(true)
  expect(written.some((f) => f.includes(`${path.sep}backups${path.sep}`))).toBe(true)
  const found = written.map((f) => ({ file: path.relative(root, f), hits: hits(fs.readFileSync(f)) }))
  test.info().annotations.push({
    type: 'canary',
    description: `${written.length} files, ${found.reduce((n, f) => n + f.hits.length, 0)} plaintext hits`,
  })
  console.log(`[canary] ${written.length} files scanned: ${found.map((f) => f.file).join(', ')}`)
  expect(found.filter((f) => f.hits.length > 0)).toEqual([])

  // The scan itself can find them: the same words in a file it reads are hits.
  expect(
    hits(Buffer.from(`${OWNER.customerName} ${OWNER.phone.replace(/\s/g, '')} ${PROXY.idNumber}`)),
  ).toEqual(['Qwertyuiop', '799123457', '38765432'])
})
