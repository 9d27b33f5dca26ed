import type { CatchUpInfo } from '../../common/contract/sync-types'
import type { Clock } from '../infra/clock'

/**
 * One part of what a new or replacement PC brings down after its enrolment (the catalogue, the centre's events,
 * SMS outcomes; the staff directory and centre settings join the list in sync-service.ts). Steps run in the order
 * given, each after the one before has finished, so a later step finds what an earlier one brought.
 */
export interface CatchUpStep {
  /** Shown under the progress bar while the step runs. */
  label: string
  /** Its share of the bar, relative to the other steps' (the centre's events are nearly all of the time). */
  weight: number
  /** Does the step; reports how far it is (0–1) as it goes. Answers an error message, or null when done. */
  run(progress: (fraction: number) => void): Promise<string | null>
}

/**
 * Runs catch-ups and keeps the progress of the latest for the status. The percentage is the weighted share of the
 * steps done, and never goes back within one run: the centre's count of remaining events can grow while a PC
 * catches up (the counters keep registering), which would otherwise pull the bar back.
 */
export function createCatchUp({ clock, onChange }: { clock: Clock; onChange: () => void }) {
  let info: CatchUpInfo | null = null
  let running: Promise<CatchUpInfo> | null = null

  const update = (next: Partial<CatchUpInfo>): void => {
    if (!info) return
    const before = info
    info = { ...info, ...next, percent: Math.max(info.percent, next.percent ?? info.percent) }
    // One push per whole percent or step, not one per page: a million-event catch-up would send thousands.
    if (info.percent !== before.percent || info.step !== before.step || info.state !== before.state)
      onChange()
  }

  async function runSteps(steps: readonly CatchUpStep[]): Promise<CatchUpInfo> {
    const total = steps.reduce((n, s) => n + s.weight, 0) || 1
    info = {
      state: 'running',
      percent: 0,
      step: steps[0]?.label ?? '',
      eventsRead: 0,
      eventsRemaining: null,
      startedAt: clock.now(),
      finishedAt: null,
      error: null,
    }
    onChange()
    let before = 0
    for (const step of steps) {
      update({ step: step.label })
      const error = await step.run((fraction) => {
        const f = Math.min(1, Math.max(0, fraction))
        // Short of 100 until the last step says it is done.
        update({ percent: Math.min(99, Math.floor(((before + step.weight * f) / total) * 100)) })
      })
      if (error !== null) {
        update({ state: 'failed', error: `${step.label}: ${error}`, finishedAt: clock.now() })
        return info
      }
      before += step.weight
      update({ percent: Math.min(99, Math.floor((before / total) * 100)) })
    }
    update({ state: 'ready', percent: 100, step: 'Ready to work', finishedAt: clock.now() })
    return info
  }

  return {
    info: (): CatchUpInfo | null => info,
    /** Counts of the centre's events, shown beside the bar. */
    events(read: number, remaining: number | null): void {
      if (info?.state === 'running') info = { ...info, eventsRead: read, eventsRemaining: remaining }
    },
    /** Runs the steps; a second call while one runs shares it. */
    run(steps: readonly CatchUpStep[]): Promise<CatchUpInfo> {
      running ??= runSteps(steps).finally(() => {
        running = null
      })
      return running
    },
  }
}
export type CatchUp = ReturnType<typeof createCatchUp>
