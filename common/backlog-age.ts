/**
 * Age-on-the-shelf buckets the manager clears by: whole Nairobi calendar days since the document arrived
 * (arrived today = 0 days). The last bucket is open-ended.
 */
export const AGE_BUCKETS = [
  { key: 'd0_7', label: '0–7 days', minDays: 0, maxDays: 7 },
  { key: 'd8_14', label: '8–14 days', minDays: 8, maxDays: 14 },
  { key: 'd15_30', label: '15–30 days', minDays: 15, maxDays: 30 },
  { key: 'd31_60', label: '31–60 days', minDays: 31, maxDays: 60 },
  { key: 'd61_90', label: '61–90 days', minDays: 61, maxDays: 90 },
  { key: 'd90plus', label: 'Over 90 days', minDays: 91, maxDays: null },
] as const

export type AgeBucketKey = (typeof AGE_BUCKETS)[number]['key']
export const AGE_BUCKET_KEYS = AGE_BUCKETS.map((b) => b.key) as [AgeBucketKey, ...AgeBucketKey[]]

/** What became of the last SMS about a document on the shelf. */
export const SMS_OUTCOMES = ['delivered', 'pending', 'failed', 'invalid-number', 'never-sent'] as const
export type SmsOutcome = (typeof SMS_OUTCOMES)[number]
export const SMS_OUTCOME_LABELS: Record<SmsOutcome, string> = {
  delivered: 'Delivered',
  pending: 'Sent, no report yet',
  failed: 'Failed',
  'invalid-number': 'Invalid number',
  'never-sent': 'Never sent',
}

/** Outcomes of a phone call to a customer whose SMS did not arrive. */
export const CALL_OUTCOMES = ['reached', 'no-answer', 'switched-off', 'wrong-number'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  reached: 'Reached — will collect',
  'no-answer': 'No answer',
  'switched-off': 'Phone switched off',
  'wrong-number': 'Wrong number',
}
