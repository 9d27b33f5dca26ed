import { SimpleGrid, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'

/**
 * The centre number and this PC's workstation slot, as both ways of first-run setup ask them: together they make
 * every tracking number this PC issues, so the slot is fixed once set.
 */
export function CentreSlotFields<V extends { centreNumber: string; workstationSlot: string }>({
  form,
  hints,
}: {
  form: UseFormReturnType<V>
  hints: { centreNumber: string; workstationSlot: string; slotPlaceholder: string }
}) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('setup.fields.centreNumber')}
        description={hints.centreNumber}
        placeholder="042"
        inputMode="numeric"
        maxLength={3}
        required
        {...form.getInputProps('centreNumber')}
      />
      <TextInput
        label={t('setup.fields.workstationSlot')}
        description={hints.workstationSlot}
        placeholder={hints.slotPlaceholder}
        inputMode="numeric"
        maxLength={2}
        required
        {...form.getInputProps('workstationSlot')}
      />
    </SimpleGrid>
  )
}
