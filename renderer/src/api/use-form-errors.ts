import type { UseFormReturnType } from '@mantine/form'
import { ApiError } from './client'

/**
 * Shows an API failure where the person will look: on the named field when the core named one, otherwise as the
 * form-level message returned. An ApiError's message is already in the window's language when it is a contract
 * rule's (see ApiError in ./client).
 */
export function applyApiError<T>(
  form: UseFormReturnType<T>,
  err: unknown,
  fieldMap: Record<string, string> = {},
): string | null {
  if (err instanceof ApiError && err.field) {
    form.setFieldError(fieldMap[err.field] ?? err.field, err.message)
    return null
  }
  return err instanceof Error ? err.message : String(err)
}
