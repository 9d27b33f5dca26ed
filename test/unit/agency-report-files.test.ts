import { expect, it } from 'vitest'
import type { AgencyReport } from '../../common/contract'
import { AGENCY_REPORT_HEADER, agencyReportFiles, agencyReportHeader } from '../../common/agency-report-files'

const stats = {
  arrived: 10,
  onTime: 7,
  onTimeRate: 0.7,
  late: 3,
  medianDaysLate: 4,
  p90DaysLate: 9,
  worstDaysLate: 9,
  stillOut: 2,
  stillOutOverdue: 1,
}
const report: AgencyReport = {
  centreNumber: '042',
  centreName: 'Huduma <b>GPO</b> & "Co"',
  agency: "R&D <script>alert('x')</script>",
  from: '2026-01-01',
  to: '2026-03-31',
  figures: stats,
  worstServices: [{ serviceCode: 'X1', serviceName: '<img src=x onerror=1>', ...stats }],
  batches: { agency: 'R&D', batches: 1, expected: 5, received: 4, missing: 1, unannounced: 2 },
  overdue: [
    {
      trackingNumber: '042012003660',
      serviceCode: 'X1',
      serviceName: 'Birth <i>cert</i>',
      agencyRef: '=HYPERLINK("x")',
      registeredAt: 0,
      expectedReady: '2026-03-01',
      daysLate: 30,
    },
  ],
  overdueTruncated: false,
  signedOff: { staffNumber: 'MGR001', name: "O'Neil <Mgr>", at: Date.UTC(2026, 3, 1, 7) },
}

it('the printable page escapes every text it shows', () => {
  const [html] = agencyReportFiles(report)
  expect(html!.content).not.toMatch(/<script|<img|<b>GPO|<i>cert|<Mgr>/)
  expect(html!.content).toContain('R&amp;D &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;')
  expect(html!.content).toContain('0420 1200 3660')
  expect(html!.content).toContain('70%')
  expect(html!.content).toContain('Signed off by O&#39;Neil &lt;Mgr&gt; (MGR001)')
})

it('the CSV has one line per figure set, the manifest total and each overdue document, every line as wide as the header', () => {
  const [, csv] = agencyReportFiles(report)
  const lines = csv!.content.trimEnd().split('\r\n')
  expect(lines).toHaveLength(5)
  expect(lines[0]!.split(',')).toEqual([...AGENCY_REPORT_HEADER])
  // A reference that looks like a formula is written as text.
  expect(lines[4]).toContain(`"'=HYPERLINK(""x"")"`)
  expect(lines[3]).toMatch(/^Manifests,R&D <script>.*,1,5,4,1,2,,,,$/)
})

it('saved by a manager working in Kiswahili, the page and the CSV are in Kiswahili, under the same file names', () => {
  const [html, csv] = agencyReportFiles(report, 'sw')
  const [enHtml, enCsv] = agencyReportFiles(report)
  expect([html!.name, csv!.name]).toEqual([enHtml!.name, enCsv!.name])
  expect(html!.content).toContain('<html lang="sw">')
  expect(html!.content).toContain('<h1>Ripoti ya muda wa kushughulikia: R&amp;D &lt;script&gt;')
  expect(html!.content).toContain('<tr><th>Hati zilizofika</th><td>10</td></tr>')
  expect(html!.content).toContain('Imeidhinishwa na O&#39;Neil &lt;Mgr&gt; (MGR001)')
  expect(html!.content).not.toMatch(/<script|<img|<Mgr>/)
  const lines = csv!.content.trimEnd().split('\r\n')
  expect(lines[0]!.startsWith('Sehemu,Jina,Zilifika,Kwa wakati,')).toBe(true)
  expect(agencyReportHeader('sw')).toHaveLength(AGENCY_REPORT_HEADER.length)
  expect(lines[1]!.startsWith('Wakala,')).toBe(true)
  expect(lines[3]).toMatch(/^Orodha,R&D <script>.*,1,5,4,1,2,,,,$/)
  expect(lines[4]!.startsWith('Zilizochelewa kwa wakala,')).toBe(true)
})
