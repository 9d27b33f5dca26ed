import { Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core'
import type { BatchReport } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { plural } from '../../ui/format'

function Section({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <div>
      <Title order={4}>
        {title} ({items.length})
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <List size="sm" ff="monospace">
          {items.map((i) => (
            <List.Item key={i}>{/^\d{12}$/.test(i) ? formatTrackingNumber(i) : i}</List.Item>
          ))}
        </List>
      )}
    </div>
  )
}

/** The reconciliation of a closed batch against its manifest; printable for the agency's courier. */
export function BatchReportModal({ report, onClose }: { report: BatchReport; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={`Batch ${report.batchId} reconciliation`} size="lg">
      <Stack>
        <Text size="lg">
          {plural(report.arrived, 'document')} put on the shelf
          {report.countDifference !== null && report.countDifference !== 0
            ? ` (${Math.abs(report.countDifference)} ${report.countDifference < 0 ? 'fewer' : 'more'} than the manifest count)`
            : ''}
          .
        </Text>
        <Section
          title="Expected but not received"
          items={report.expectedNotReceived}
          empty="None: everything listed arrived."
        />
        <Section title="Received but not expected" items={report.receivedNotExpected} empty="None." />
        <Section
          title="Scanned more than once"
          items={report.duplicates.map(
            (d) => `${/^\d{12}$/.test(d.code) ? formatTrackingNumber(d.code) : d.code} × ${d.times}`,
          )}
          empty="None."
        />
        <Section title="Unknown codes" items={report.unknown} empty="None." />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
