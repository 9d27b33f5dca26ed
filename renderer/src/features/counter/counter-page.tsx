import { Box, Stack } from '@mantine/core'
import { useState } from 'react'
import { ReceiptPanel, type LastReceipt } from './receipt-panel'
import { RegisterForm } from './register-form'
import { SearchBar } from './search-bar'
import { useCatalogue } from './use-catalogue'

/** The counter clerk's desk: find an application, or register a new one and hand over its receipt. */
export function CounterPage() {
  const services = useCatalogue()
  const [last, setLast] = useState<LastReceipt | null>(null)
  return (
    <Stack gap="md" h="100%">
      <SearchBar />
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
          <RegisterForm
            services={services}
            onRegistered={(r) =>
              setLast({
                trackingNumber: r.application.trackingNumber,
                customerName: r.application.customerName,
                expectedReady: r.application.expectedReady,
                receipt: r.receipt,
                printJob: r.printJob,
                counterWarning: r.counterWarning,
              })
            }
          />
        </div>
        <div style={{ minHeight: 0 }}>
          <ReceiptPanel last={last} onChange={setLast} />
        </div>
      </Box>
    </Stack>
  )
}
