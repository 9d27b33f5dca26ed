import { describe, expect, it } from 'vitest'
import {
  maskIdNumber,
  maskPersonal,
  maskPersonName,
  maskPhone,
  maskPhonesInText,
} from '../../common/mask-personal'

describe('masking personal data for audit rows and logs', () => {
  it('ID numbers keep their last 3 characters, names their initials, phones as on the receipt', () => {
    expect(maskIdNumber('23456789')).toBe('•••••789')
    expect(maskIdNumber(' A1234567 ')).toBe('•••••567')
    expect(maskIdNumber('12')).toBe('•••')
    expect(maskPersonName('  Wanjiku  wa Kamau ')).toBe('W. W. K.')
    expect(maskPersonName('Ñjeri')).toBe('Ñ.')
    expect(maskPersonName('')).toBe('?')
    expect(maskPhone('+254712345123')).toBe('07•• ••• 123')
  })

  it('masks by key at any depth, whatever the spelling of the key, and leaves everything else', () => {
    const detail = {
      trackingNumber: '042010000018',
      trackingNumbers: ['254712345678'],
      idNumber: '23456789',
      proxy_id_number: '30111222',
      'National-ID': 12345678,
      phone: '+254712345123',
      phones: ['0722000456', '+254733000789'],
      customerName: 'Achieng Odhiambo',
      collector: { kind: 'proxy', name: 'Otieno Baraka', idNumber: '29000111', relationship: 'brother' },
      staffNumber: 'CLK001',
      name: 'Huduma Centre GPO',
      rows: 3,
      ok: true,
      nothing: null,
    }
    const before = structuredClone(detail)
    expect(maskPersonal(detail)).toEqual({
      trackingNumber: '042010000018',
      trackingNumbers: ['254712345678'],
      idNumber: '•••••789',
      proxy_id_number: '•••••222',
      'National-ID': '•••••678',
      phone: '07•• ••• 123',
      phones: ['07•• ••• 456', '07•• ••• 789'],
      customerName: 'A. O.',
      collector: { kind: 'proxy', name: 'O. B.', idNumber: '•••••111', relationship: 'brother' },
      staffNumber: 'CLK001',
      name: 'Huduma Centre GPO',
      rows: 3,
      ok: true,
      nothing: null,
    })
    expect(detail).toEqual(before)
  })

  it('masks Kenyan mobile numbers written inside other text, not digits inside longer runs', () => {
    expect(maskPhonesInText('SMS to +254712345123 refused; retry 0722000456 or 254733000789.')).toBe(
      'SMS to 07•• ••• 123 refused; retry 07•• ••• 456 or 07•• ••• 789.',
    )
    expect(maskPhonesInText('tracking 042107385192, file 1707123456789')).toBe(
      'tracking 042107385192, file 1707123456789',
    )
    expect(maskPersonal({ error: { reason: 'bad phone 0712345123' } })).toEqual({
      error: { reason: 'bad phone 07•• ••• 123' },
    })
  })

  it('a typed or scanned code keeps an ID number’s last 3 digits and a tracking number whole', () => {
    expect(
      maskPersonal({ code: '23456789', raw: 'ID 23456789\r', codes: ['042107385192', 'BC/2026/1234'] }),
    ).toEqual({ code: '•••••789', raw: 'ID •••••789\r', codes: ['042107385192', 'BC/2026/1234'] })
  })

  it('leaves dates and errors to serialise themselves, and survives a cycle', () => {
    const at = new Date(Date.UTC(2026, 10, 30))
    const cyclic: Record<string, unknown> = { phone: '0712345123' }
    cyclic.self = cyclic
    const masked = maskPersonal({ at, cyclic })
    expect(masked.at).toBe(at)
    expect(JSON.stringify(masked)).toBe(
      `{"at":"2026-11-30T00:00:00.000Z","cyclic":{"phone":"07•• ••• 123","self":"[…]"}}`,
    )
  })
})
