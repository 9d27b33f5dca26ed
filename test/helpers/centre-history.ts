import { mintTrackingNumber } from '../../common/tracking-number'
import { uuidv7 } from '../../main/infra/uuidv7'
import type { SimStore } from '../peers/central-sim/store'

/**
 * A centre's history written straight into the simulator's store (as if its PCs had sent it over the years), so a
 * million events take seconds to seed rather than the hours the HTTP path would. Every application is registered;
 * about 60% arrive and get their ready SMS, and half of those are collected: about 2.7 events an application, in
 * the acceptance order a real centre's feed has (each application's events after its registration).
 */
export interface CentreHistory {
  events: number
  /** Every application's tracking number, in registration order. */
  trackingNumbers: string[]
  /** The devices that "sent" it, one per workstation slot, each enrolled in the simulator. */
  devices: { deviceId: string; slot: string }[]
}

const SERVICES = ['ID_NEW', 'BIRTH_CERT', 'DEATH_CERT', 'ID_REPLACEMENT'] as const
const KEY = '00112233445566778899aabbccddeeff'

export function seedCentreHistory(
  store: SimStore,
  opts: { centre: string; applications: number; slots: string[]; start: number },
): CentreHistory {
  const devices = opts.slots.map((slot, i) => ({
    deviceId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    slot,
  }))
  const insert = store.db.prepare(
    `INSERT INTO events (id, seq, type, occurred_at, staff_number, device_id, centre, tracking_number, payload,
       accepted_at, centre_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const startSeq = (store.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM events').get() as { n: number })
    .n
  const startCentreSeq = (
    store.db
      .prepare('SELECT coalesce(max(centre_seq), 0) AS n FROM events WHERE centre = ?')
      .get(opts.centre) as {
      n: number
    }
  ).n
  let seq = startSeq
  let centreSeq = startCentreSeq
  const trackingNumbers: string[] = []
  const counters = devices.map(() => -1)
  // Later events of an application wait here until their time comes, so the feed interleaves applications.
  const pending: { at: number; run: () => void }[] = []
  const MIN = 60_000
  const write = (at: number, type: string, dev: (typeof devices)[number], tn: string, payload: object) => {
    seq++
    centreSeq++
    insert.run(
      uuidv7(at),
      seq,
      type,
      at,
      'CLK001',
      dev.deviceId,
      opts.centre,
      tn,
      JSON.stringify(payload),
      at,
      centreSeq,
    )
  }
  store.tx(() => {
    for (const d of devices) store.enrolDevice(opts.centre, d.deviceId, d.slot, opts.start)
    for (let i = 0; i < opts.applications; i++) {
      const at = opts.start + i * MIN
      const di = i % devices.length
      const dev = devices[di]!
      const tn = mintTrackingNumber({
        centreNumber: opts.centre,
        workstationSlot: dev.slot,
        counter: (counters[di] = (counters[di] ?? -1) + 1),
        key: KEY,
      })
      trackingNumbers.push(tn)
      while (pending.length > 0 && pending[0]!.at <= at) {
        pending.shift()!.run()
      }
      write(at, 'application.registered', dev, tn, {
        serviceCode: SERVICES[i % SERVICES.length],
        customerName: `Customer ${i}`,
        phone: `+2547${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
        idNumber: String(20_000_000 + i),
        language: i % 3 === 0 ? 'sw' : 'en',
        smsConsent: true,
        expectedReady: '2027-01-15',
      })
      const r = (i * 7919) % 100
      if (r < 60) {
        const arrive = at + 600 * MIN
        const slot = `27W01-${SERVICES[i % SERVICES.length]!.slice(0, 2)}`
        pending.push({
          at: arrive,
          run: () => {
            write(arrive, 'application.arrived', dev, tn, { slot })
            write(arrive + 30 * MIN, 'notification.ready', dev, tn, {
              phone: `+2547${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
              language: 'en',
              text: 'Your document is ready for collection at Huduma Centre GPO.',
              segments: 1,
            })
            if (r < 30)
              write(arrive + 900 * MIN, 'application.collected', dev, tn, {
                collector: { kind: 'owner' },
                slot,
              })
          },
        })
      }
    }
    for (const p of pending) p.run()
  })
  return { events: seq - startSeq, trackingNumbers, devices }
}
