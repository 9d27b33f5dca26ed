import type {
  AgencyBatchReport,
  AgencyReport,
  AgencyTrendReport,
  AgencyTurnaroundReport,
  LatenessStats,
  StillOut,
} from '../../common/contract'

/** A Nairobi morning the renderer's "today" is pinned to: the last 90 days run from 3 Dec 2026. */
export const NOW = Date.parse('2027-03-02T07:00:00Z')
export const LAST_90 = { from: '2026-12-03', to: '2027-03-02' }
export const LAST_365 = { from: '2026-03-03', to: '2027-03-02' }

const stats = (s: Partial<LatenessStats & StillOut>): LatenessStats & StillOut => ({
  arrived: 0,
  onTime: 0,
  onTimeRate: null,
  late: 0,
  medianDaysLate: null,
  p90DaysLate: null,
  worstDaysLate: null,
  stillOut: 0,
  stillOutOverdue: 0,
  ...s,
})

export const IMMIGRATION = 'Department of Immigration Services'
export const CRS = 'Civil Registration Services'
export const NRB = 'National Registration Bureau'

export const turnaround = (period = LAST_90): AgencyTurnaroundReport => ({
  ...period,
  agencies: [
    {
      agency: IMMIGRATION,
      ...stats({
        arrived: 1_240,
        onTime: 1_083,
        onTimeRate: 1_083 / 1_240,
        late: 157,
        medianDaysLate: 9,
        p90DaysLate: 23,
        worstDaysLate: 61,
        stillOut: 312,
        stillOutOverdue: 48,
      }),
      services: [
        {
          serviceCode: 'PASSPORT',
          serviceName: 'Passport',
          ...stats({
            arrived: 1_000,
            onTime: 850,
            onTimeRate: 0.85,
            late: 150,
            medianDaysLate: 10,
            p90DaysLate: 24,
            worstDaysLate: 61,
            stillOut: 300,
            stillOutOverdue: 47,
          }),
        },
        {
          serviceCode: 'PASSPORT_REPL',
          serviceName: 'Passport replacement',
          ...stats({
            arrived: 240,
            onTime: 233,
            onTimeRate: 233 / 240,
            late: 7,
            medianDaysLate: 2,
            p90DaysLate: 5,
            worstDaysLate: 6,
            stillOut: 12,
            stillOutOverdue: 1,
          }),
        },
      ],
    },
    {
      agency: CRS,
      ...stats({ arrived: 50, onTime: 50, onTimeRate: 1, stillOut: 4 }),
      services: [],
    },
    // Nothing arrived in the period, but documents are out: no rate, written as such.
    {
      agency: NRB,
      ...stats({ stillOut: 7, stillOutOverdue: 2 }),
      services: [],
    },
  ],
  total: stats({
    arrived: 1_290,
    onTime: 1_133,
    onTimeRate: 1_133 / 1_290,
    late: 157,
    medianDaysLate: 9,
    p90DaysLate: 23,
    worstDaysLate: 61,
    stillOut: 323,
    stillOutOverdue: 50,
  }),
})

export const trend = (input: {
  from: string
  to: string
  granularity?: 'week' | 'month'
  agency?: string
}): AgencyTrendReport => ({
  from: input.from,
  to: input.to,
  granularity: input.granularity ?? 'week',
  agency: input.agency ?? null,
  points:
    input.granularity === 'month'
      ? [
          { start: '2026-12-01', ...stats({ arrived: 400, onTime: 380, onTimeRate: 0.95, late: 20 }) },
          {
            start: '2027-01-01',
            ...stats({ arrived: 500, onTime: 400, onTimeRate: 0.8, late: 100, medianDaysLate: 8 }),
          },
        ]
      : [
          {
            start: '2026-11-30',
            ...stats({ arrived: 90, onTime: 81, onTimeRate: 0.9, late: 9, medianDaysLate: 4 }),
          },
          { start: '2026-12-07', ...stats({}) },
        ],
  changes: [
    { agency: CRS, before: 0.9, after: 0.95, change: 0.05 },
    { agency: IMMIGRATION, before: 0.92, after: 0.8, change: -0.12 },
    { agency: NRB, before: null, after: null, change: null },
    { agency: 'Directorate of Criminal Investigations', before: 0.9, after: 0.6, change: -0.3 },
  ],
})

export const batches = (period = LAST_90): AgencyBatchReport => ({
  ...period,
  agencies: [
    { agency: IMMIGRATION, batches: 14, expected: 1_100, received: 1_093, missing: 7, unannounced: 12 },
  ],
})

export const report = (signedOff: AgencyReport['signedOff'] = null): AgencyReport => ({
  centreNumber: '042',
  centreName: 'Huduma Centre GPO',
  agency: IMMIGRATION,
  ...LAST_90,
  figures: turnaround().agencies[0]!,
  worstServices: turnaround().agencies[0]!.services,
  batches: batches().agencies[0]!,
  overdue: [
    {
      trackingNumber: '042010000017',
      serviceCode: 'PASSPORT',
      serviceName: 'Passport',
      agencyRef: 'AK1234567',
      registeredAt: Date.parse('2026-11-02T06:30:00Z'),
      expectedReady: '2026-12-14',
      daysLate: 78,
    },
    {
      trackingNumber: '042010000025',
      serviceCode: 'PASSPORT_REPL',
      serviceName: 'Passport replacement',
      agencyRef: null,
      registeredAt: Date.parse('2027-01-11T09:00:00Z'),
      expectedReady: '2027-02-01',
      daysLate: 29,
    },
  ],
  overdueTruncated: false,
  signedOff,
})
