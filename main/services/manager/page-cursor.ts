import { AppError } from '../../../common/errors'

/** A page cursor is the last row's sort key, made opaque so nobody builds one by hand. */
export function encodeCursor(key: object): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor<T>(cursor: string | undefined, valid: (v: unknown) => v is T): T | null {
  if (cursor === undefined || cursor === '') return null
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  if (!valid(value))
    throw new AppError(
      'INVALID_INPUT',
      'The page cursor is not one this app made. Start again from the first page.',
    )
  return value
}
