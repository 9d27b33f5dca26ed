import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReturnManifest } from '../../common/contract'
import { downloadCsv, toCsv } from '../../renderer/src/features/backlog/csv-export'
import { downloadManifestCsv, manifestRows } from '../../renderer/src/features/backlog/return-manifest-csv'

/** What a download handed to the browser: the file name and the bytes of the blob behind its link. */
interface Saved {
  fileName: string
  bytes: Uint8Array
  type: string
}

let saved: Saved[] = []
let pending: Promise<unknown>[] = []
const blobs = new Map<string, Blob>()

beforeEach(() => {
  saved = []
  pending = []
  // jsdom has no object URLs and cannot follow a download link: keep the blob, and record the click instead.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = (url: string) => void blobs.delete(url)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)
    if (!blob) throw new Error(`clicked a link to ${this.href}, which is no blob`)
    pending.push(
      blob
        .arrayBuffer()
        .then((b) => saved.push({ fileName: this.download, bytes: new Uint8Array(b), type: blob.type })),
    )
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  blobs.clear()
})
const downloads = async (): Promise<Saved[]> => {
  await Promise.all(pending)
  return saved
}
const text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

describe('toCsv', () => {
  it('quotes what must be quoted and keeps every line ending CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          ['two\nlines', null],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n')
  })

  it('never lets a spreadsheet read a cell as a formula', () => {
    expect(toCsv(['v'], [['=1+1'], ['+254712345678'], ['-3'], ['@SUM(A1)'], [-3], ['a=b']])).toBe(
      "v\r\n'=1+1\r\n'+254712345678\r\n'-3\r\n'@SUM(A1)\r\n'-3\r\na=b\r\n",
    )
  })
})

describe('downloadCsv', () => {
  it('saves the CSV as UTF-8 starting with the byte-order mark, under the given name', async () => {
    downloadCsv('shelf.csv', ['Customer'], [['Wanjirũ Njoroge']])
    const [file] = await downloads()
    expect(file?.fileName).toBe('shelf.csv')
    expect(file?.type).toBe('text/csv;charset=utf-8')
    expect([...(file?.bytes.slice(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf])
    expect(text(file!.bytes)).toBe('\ufeffCustomer\r\nWanjirũ Njoroge\r\n')
  })
})

describe('the return-manifest CSV', () => {
  const manifest = (arrivedAt: number): ReturnManifest => ({
    id: 7,
    agency: 'Civil Registration Services (CRS)',
    status: 'open',
    documents: 1,
    createdAt: Date.parse('2027-03-02T07:00:00Z'),
    createdBy: 'M001',
    confirmedAt: null,
    confirmedBy: null,
    centreName: 'Huduma Centre GPO',
    centreNumber: '001',
    items: [
      {
        trackingNumber: '001010000017',
        serviceCode: 'BIRTH_CERT',
        serviceName: 'Birth certificate',
        agency: 'Civil Registration Services (CRS)',
        agencyRef: '=HYPERLINK("x")',
        customerName: 'Chebet Kiprop',
        shelfSlot: '26W01-BC',
        arrivedAt,
        collectBy: '2027-03-01',
        daysOverdue: 1,
        outcome: null,
        skipReason: null,
      },
    ],
  })

  it('dates an arrival by the Nairobi calendar: 01:00 Nairobi on 2 January is 2 January, not the UTC day before', () => {
    const rows = manifestRows(manifest(Date.parse('2027-01-01T22:00:00Z')))
    expect(rows[0]?.[6]).toBe('2027-01-02')
    expect(manifestRows(manifest(Date.parse('2027-01-01T20:59:59Z')))[0]?.[6]).toBe('2027-01-01')
  })

  it('downloads with the byte-order mark, the manifest header and one row per document', async () => {
    downloadManifestCsv(manifest(Date.parse('2027-01-01T22:00:00Z')))
    const [file] = await downloads()
    expect(file?.fileName).toBe('return-manifest-001-7.csv')
    expect([...(file?.bytes.slice(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf])
    expect(text(file!.bytes).split('\r\n')).toEqual([
      '\ufeffNo.,Tracking number,Agency reference,Service,Customer,Shelf slot,Arrived,Collect by,Outcome',
      `1,0010 1000 0017,"'=HYPERLINK(""x"")",Birth certificate,Chebet Kiprop,26W01-BC,2027-01-02,2027-03-01,to return`,
      '',
    ])
  })
})
