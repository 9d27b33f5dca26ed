/**
 * Short tones a desk officer hears without looking: one high beep for "on the shelf", two mid beeps for "look at
 * the screen", a low buzz for "wrong". Made with Web Audio, so no sound files and no network.
 */
let ctx: AudioContext | null = null

function tone(freq: number, startS: number, durS: number, type: OscillatorType = 'sine'): void {
  ctx ??= new AudioContext()
  const osc = ctx.createOscillator()
  const gain = ctx.createGain()
  osc.type = type
  osc.frequency.value = freq
  gain.gain.setValueAtTime(0.25, ctx.currentTime + startS)
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + startS + durS)
  osc.connect(gain).connect(ctx.destination)
  osc.start(ctx.currentTime + startS)
  osc.stop(ctx.currentTime + startS + durS)
}

export function playFeedback(kind: 'ok' | 'warn' | 'error'): void {
  try {
    if (kind === 'ok') tone(1320, 0, 0.12)
    else if (kind === 'warn') {
      tone(880, 0, 0.12)
      tone(880, 0.18, 0.12)
    } else tone(180, 0, 0.4, 'square')
  } catch {
    // No audio device: the colours and words still say it all.
  }
}
