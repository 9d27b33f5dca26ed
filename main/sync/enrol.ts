import { certificateMessage, createCentralHttp } from './http-client'
import { z } from 'zod'
import { centreName as centreNameField } from '../../common/contract/fields'
import { AppError } from '../../common/errors'

const EnrolmentAnswer = z.object({
  deviceId: z.string().min(1),
  centreNumber: z.string().regex(/^\d{3}$/),
  workstationSlot: z.string().regex(/^\d{2}$/),
  token: z.string().min(8),
  /** Optional in the contract: a registry that does not send it leaves the name to the person setting up. */
  centreName: centreNameField.optional(),
})
export type EnrolmentAnswer = z.infer<typeof EnrolmentAnswer>

/**
 * Enrols this workstation with the central API using the one-time code from headquarters. The answer is checked:
 * a token for another centre or slot would send our events under someone else's name.
 */
export async function enrolWorkstation(p: {
  apiUrl: string
  enrolmentCode: string
  centreNumber: string
  workstationSlot: string
  deviceId: string
}): Promise<EnrolmentAnswer> {
  const url = p.apiUrl.replace(/\/+$/, '') + '/v1/enrol'
  let res
  try {
    res = await createCentralHttp({ timeoutMs: ENROL_TIMEOUT_MS, maxResponseBytes: 64 * 1024 }).post<string>(
      url,
      {
        centreNumber: p.centreNumber,
        enrolmentCode: p.enrolmentCode,
        deviceId: p.deviceId,
        workstationSlot: p.workstationSlot,
      },
      { signal: AbortSignal.timeout(ENROL_TIMEOUT_MS), headers: { 'Content-Type': 'application/json' } },
    )
  } catch (err) {
    throw new AppError(
      'CONFLICT',
      certificateMessage(err) ??
        `Cannot reach the central API at ${p.apiUrl}: ${err instanceof Error ? err.message : String(err)}`,
      'apiUrl',
    )
  }
  if (res.status === 403)
    throw new AppError(
      'FORBIDDEN',
      'The enrolment code was refused (wrong or already used).',
      'enrolmentCode',
    )
  if (res.status === 409)
    throw new AppError(
      'CONFLICT',
      `Workstation slot ${p.workstationSlot} is already held by another PC of this centre, so this PC was not ` +
        'enrolled and nothing was changed. Two PCs on one slot would issue the same tracking numbers. Either ' +
        'set this PC up again with a slot no other PC uses, or, if this PC replaces the one in that slot, ' +
        'ask the IT officer to release the old PC’s slot at the central service, then enrol again with a new code.',
    )
  if (res.status !== 201 && res.status !== 200) {
    throw new AppError('CONFLICT', `The central API answered ${res.status} to the enrolment.`)
  }
  const answer = EnrolmentAnswer.safeParse(parseJson(res.data))
  if (!answer.success)
    throw new AppError('CONFLICT', 'The central API sent an enrolment answer we cannot read.')
  if (answer.data.centreNumber !== p.centreNumber || answer.data.workstationSlot !== p.workstationSlot) {
    throw new AppError(
      'CONFLICT',
      'The central API enrolled this PC under a different centre or slot: nothing was changed.',
    )
  }
  return answer.data
}

const ENROL_TIMEOUT_MS = 10_000

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
