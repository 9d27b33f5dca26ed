// pino-roll 4 ships no types: the part of its API file-log.ts uses. It resolves to a sonic-boom stream.
declare module 'pino-roll' {
  interface RollingStream {
    write(data: string): boolean
    flush(cb?: (err?: Error) => void): void
    flushSync(): void
    end(): void
    destroy(): void
    readonly file: string
    on(event: 'error', listener: (err: Error) => void): this
    on(event: 'write', listener: (bytes: number) => void): this
    on(event: 'drop', listener: (data: string) => void): this
    once(event: 'close' | 'finish', listener: () => void): this
  }
  interface PinoRollOptions {
    file: string
    size?: string | number
    extension?: string
    limit?: { count?: number; removeOtherLogFiles?: boolean }
    mkdir?: boolean
    mode?: number
    sync?: boolean
    maxLength?: number
  }
  export type { RollingStream }
  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>
}
