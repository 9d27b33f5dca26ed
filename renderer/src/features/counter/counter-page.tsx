import { Box, Stack } from '@mantine/core'
import { ReceiptPanel, useCounterReceipts } from './receipt-panel'
import { RegisterForm } from './register-form'
import { SearchBar } from './search-bar'
import { SlotWarning } from './slot-warning'
import { UnprintedReceipts } from './unprinted-receipts'
import { useCatalogue } from './use-catalogue'

/** The counter clerk's desk: find an application, or register a new one and hand over its receipt. */
export function CounterPage() {
  const services = useCatalogue()
  // Registering answers before the receipt is printed: the panel follows each print job's outcome.
  const receipts = useCounterReceipts()
  return (
    <Stack gap="md" h="100%">
      <SlotWarning />
      <SearchBar />
      <UnprintedReceipts
        shown={new Set([receipts.current, ...receipts.earlier].flatMap((r) => (r ? [r.trackingNumber] : [])))}
      />
      <Box
        flex={1}
        style={{
          display: 'grid',
          gridTemplateColumns: '7fr 5fr',
          gap: 'var(--mantine-spacing-md)',
          minHeight: 0,
        }}
      >
        <div>
          <RegisterForm services={services} onRegistered={receipts.registered} />
        </div>
        <div style={{ minHeight: 0 }}>
          <ReceiptPanel receipts={receipts} />
        </div>
      </Box>
    </Stack>
  )
}
