import { describe, expect, it } from 'vitest'
import { parseUpdatePolicyMessage, parseUpdateStateMessage } from '../../../main/core/update-messages'

describe('messages between the desktop main process and the core about updates', () => {
  it('pass a well-formed policy and state through unchanged', () => {
    const policy = { type: 'update-policy', policy: { enabled: true, url: '', openWork: 'a hand-over' } }
    expect(parseUpdatePolicyMessage(policy)).toEqual(policy)
    for (const state of [
      { kind: 'off' },
      { kind: 'downloading', version: '0.2.0', percent: 12 },
      { kind: 'ready', version: '0.2.0', waitingFor: null },
      { kind: 'error', message: 'Update refused', at: 1, retryAt: null },
    ])
      expect(parseUpdateStateMessage({ type: 'update-state', state })).toEqual({
        type: 'update-state',
        state,
      })
  })

  it('drop anything else: other message types, missing or extra fields, a percent over 100', () => {
    expect(parseUpdatePolicyMessage({ type: 'key', key: 'ab' })).toBeNull()
    expect(
      parseUpdatePolicyMessage({
        type: 'update-policy',
        policy: { enabled: 'yes', url: '', openWork: null },
      }),
    ).toBeNull()
    expect(parseUpdateStateMessage({ type: 'update-state', state: { kind: 'installing' } })).toBeNull()
    expect(parseUpdateStateMessage({ type: 'update-state', state: { kind: 'off', extra: 1 } })).toBeNull()
    expect(
      parseUpdateStateMessage({
        type: 'update-state',
        state: { kind: 'downloading', version: '1', percent: 101 },
      }),
    ).toBeNull()
    expect(parseUpdateStateMessage(null)).toBeNull()
  })
})
