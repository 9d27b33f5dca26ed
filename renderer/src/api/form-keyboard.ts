import type { UseFormReturnType } from '@mantine/form'

/**
 * For useForm's `enhanceGetInputProps`: a field is checked when the cursor leaves it only once its value differs
 * from the fresh form. Mantine's `validateInputOnBlur` checks every field left, so a form just reset for the next
 * customer turned red as soon as the clerk clicked Print again or Reprint (the cursor was in its first field).
 */
export function validateChangedOnBlur<V>(fields: readonly string[]) {
  return ({ field, form }: { field: unknown; form: UseFormReturnType<V> }) =>
    typeof field === 'string' && fields.includes(field)
      ? {
          onBlur: () => {
            if (form.isDirty(field)) form.validateField(field)
          },
        }
      : {}
}

/**
 * For `form.onSubmit`'s failure handler: puts the cursor in the first field with an error, in the order the fields
 * appear on screen (Mantine marks each input it manages with `data-path`).
 */
export function focusFirstError(container: HTMLElement | null, errors: Record<string, unknown>): void {
  const fields = container ? [...container.querySelectorAll<HTMLElement>('[data-path]')] : []
  const first = fields.find((el) => {
    const path = el.dataset['path']
    return path !== undefined && Boolean(errors[path])
  })
  first?.focus()
}
