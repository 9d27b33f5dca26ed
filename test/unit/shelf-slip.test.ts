import { describe, expect, it } from 'vitest'
import { buildShelfSlip, renderEscPos, renderText } from '../../main/receipts'
import { parseEscPos } from '../helpers/escpos-parse'

describe('shelf slip', () => {
  const slip = buildShelfSlip({
    slot: 'W45-BC',
    trackingNumber: '042036714272',
    customerName: 'Wanjiku Kamau',
  })

  it('shows the slot, the last four digits and the surname initial only', () => {
    const text = renderText(slip, { columns: 48 })
    expect(text).toContain('W45-BC')
    expect(text).toContain('••••4272')
    expect(text).toMatch(/\bK\.\s*$/m)
    expect(text).not.toContain('Wanjiku')
    expect(text).not.toContain('Kamau')
    expect(text).not.toContain('0420')
  })

  it('prints the same on paper, with a cut', () => {
    const parsed = parseEscPos(renderEscPos(slip, { columns: 32 }))
    expect(parsed.lines.join('\n')).toContain('W45-BC')
    expect(parsed.lines.join('\n')).toContain('4272')
    expect(parsed.lines.join('\n')).not.toContain('Kamau')
    expect(parsed.cuts).toBe(1)
  })

  it('prints a name with receiptline markup characters literally', () => {
    const text = renderText(
      buildShelfSlip({ slot: 'A-01', trackingNumber: '042036714272', customerName: 'O|Brien ^Test' }),
      { columns: 32 },
    )
    expect(text).toContain('••••4272  ^.')
  })
})
