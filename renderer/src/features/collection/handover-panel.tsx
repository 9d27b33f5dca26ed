import {
  Alert,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconDots } from '@tabler/icons-react'
import { useState } from 'react'
import type { HandoverCandidate, LookupResult } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { SmsBadge } from './sms-badge'
import { api } from '../../api/client'
import { ShelfActionModal, type ShelfAction } from './shelf-action-modal'

/** The documents a customer can take, who takes them (owner with ID check, or a proxy), and the hand-over itself. */
export function HandoverPanel({ result, onDone }: { result: LookupResult; onDone: () => void }) {
  const [chosen, setChosen] = useState<string[]>(result.ready.map((d) => d.trackingNumber))
  const [kind, setKind] = useState<'owner' | 'proxy'>('owner')
  const [idNumber, setIdNumber] = useState('')
  const [proxy, setProxy] = useState({ name: '', idNumber: '', relationship: '', authorisationRef: '' })
  const [error, setError] = useState<string | null>(null)
  const [action, setAction] = useState<{ action: ShelfAction; doc: HandoverCandidate } | null>(null)

  const handOver = async (): Promise<void> => {
    setError(null)
    try {
      const done = await api.call('collection.handOver', {
        trackingNumbers: chosen,
        collector: kind === 'owner' ? { kind, idNumber } : { kind, ...proxy },
      })
      notifications.show({
        color: 'green',
        title: 'Handed over',
        message: `${done.length} document${done.length === 1 ? '' : 's'} marked collected.`,
      })
      onDone()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <Paper withBorder p="lg" radius="md" onKeyDown={getHotkeyHandler([['mod+Enter', () => void handOver()]])}>
      <Stack gap="sm">
        {result.ready.length === 0 && <Alert color="orange">Nothing here can be handed over now.</Alert>}
        {result.ready.map((d) => (
          <Group
            key={d.trackingNumber}
            justify="space-between"
            wrap="nowrap"
            p="xs"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Checkbox
              size="lg"
              checked={chosen.includes(d.trackingNumber)}
              onChange={(e) => {
                const on = e.currentTarget.checked
                setChosen((c) => (on ? [...c, d.trackingNumber] : c.filter((x) => x !== d.trackingNumber)))
              }}
              label={
                <div>
                  <Text fw={700}>
                    {d.customerName} · {d.serviceName}
                  </Text>
                  <Text size="sm" c="dimmed" ff="monospace">
                    {formatTrackingNumber(d.trackingNumber)}
                    {d.idNumberHint ? ` · ID ${d.idNumberHint}` : ''}
                    {d.damaged ? ' · DAMAGED' : ''}
                  </Text>
                  <SmsBadge sms={d.sms} />
                </div>
              }
            />
            <Group gap="xs" wrap="nowrap">
              <Text fz="2.4rem" fw={900} ff="monospace" data-testid="handover-slot">
                {d.shelfSlot}
              </Text>
              <Menu>
                <Menu.Target>
                  <Button variant="subtle" aria-label={`More for ${d.trackingNumber}`} px="xs">
                    <IconDots />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setAction({ action: 'move', doc: d })}>
                    Move to another slot
                  </Menu.Item>
                  <Menu.Item onClick={() => setAction({ action: 'missing', doc: d })}>Mark missing</Menu.Item>
                  <Menu.Item onClick={() => setAction({ action: 'damaged', doc: d })}>Mark damaged</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        ))}
        {result.notReady.map((n) => (
          <Alert key={n.trackingNumber} color="gray" p="xs">
            {formatTrackingNumber(n.trackingNumber)}: {n.reason}
          </Alert>
        ))}
        {result.ready.length > 0 && (
          <>
            <Title order={4}>Who collects?</Title>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v === 'proxy' ? 'proxy' : 'owner')}
              data={[
                { value: 'owner', label: 'The owner' },
                { value: 'proxy', label: 'Someone else (proxy)' },
              ]}
            />
            {kind === 'owner' ? (
              <TextInput
                label="Owner's ID number (from the ID card)"
                inputMode="numeric"
                value={idNumber}
                onChange={(e) => setIdNumber(e.currentTarget.value)}
                autoFocus
              />
            ) : (
              <SimpleGrid cols={2}>
                <TextInput
                  label="Proxy's name"
                  value={proxy.name}
                  onChange={(e) => setProxy({ ...proxy, name: e.currentTarget.value })}
                  autoFocus
                />
                <TextInput
                  label="Proxy's ID number"
                  inputMode="numeric"
                  value={proxy.idNumber}
                  onChange={(e) => setProxy({ ...proxy, idNumber: e.currentTarget.value })}
                />
                <TextInput
                  label="Relationship"
                  placeholder="Mother"
                  value={proxy.relationship}
                  onChange={(e) => setProxy({ ...proxy, relationship: e.currentTarget.value })}
                />
                <TextInput
                  label="Authorisation letter reference"
                  value={proxy.authorisationRef}
                  onChange={(e) => setProxy({ ...proxy, authorisationRef: e.currentTarget.value })}
                />
              </SimpleGrid>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button size="lg" onClick={() => void handOver()} disabled={chosen.length === 0}>
                Hand over {chosen.length} document{chosen.length === 1 ? '' : 's'} (Ctrl+Enter)
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {action && (
        <ShelfActionModal
          action={action.action}
          doc={action.doc}
          onClose={() => setAction(null)}
          onDone={() => {
            notifications.show({ color: 'green', message: 'Saved.' })
            onDone()
          }}
        />
      )}
    </Paper>
  )
}
