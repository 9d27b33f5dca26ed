import { Box, Stack } from '@mantine/core'
import { DESK_HEIGHT } from '../shell/desk-height'
import { ReceiptPanel, useCounterReceipts } from './receipt-panel'
import { RegisterForm } from './register-form'
import { SearchBar } from './search-bar'
import { SlotWarning } from './slot-warning'
import { UnprintedReceipts } from './unprinted-receipts'
import { useCatalogue } from './use-catalogue'

/**
 * The counter clerk's desk: find an application, or register a new one and hand over its receipt. At 1366×768 the
 * whole form and its Register button are on screen without scrolling: the search is the only row above the form,
 * and everything about receipts (the unconfirmed-slot warning, receipts still owed, the last receipt) stands in the
 * column beside it, which never makes the page taller than the form — a long receipt scrolls inside its panel.
 */
export function CounterPage() {
  const services = useCatalogue()
  // Registering answers before the receipt is printed: the panel follows each print job's outcome.
  const receipts = useCounterReceipts()
  return (
    <Stack gap="sm" mih={DESK_HEIGHT}>
      <SearchBar />
      <Box
        flex={1}
        style={{
          display: 'grid',
          gridTemplateColumns: '7fr 5fr',
          gap: 'var(--mantine-spacing-md)',
        }}
      >
        <div>
          <RegisterForm services={services} onRegistered={receipts.registered} />
        </div>
        {/* `contain: size`: the column takes the row's height (the form's, or the rest of the screen) and adds
            none of its own; if its notices ever outgrow it, it scrolls by itself. */}
        <Stack gap="sm" style={{ contain: 'size', overflowY: 'auto' }}>
          <SlotWarning />
          <UnprintedReceipts
            shown={
              new Set([receipts.current, ...receipts.earlier].flatMap((r) => (r ? [r.trackingNumber] : [])))
            }
          />
          {/* Room for the tracking number, its buttons and the top of the receipt, whatever stands above. */}
          <Box flex={1} mih={260}>
            <ReceiptPanel receipts={receipts} />
          </Box>
        </Stack>
      </Box>
    </Stack>
  )
}
