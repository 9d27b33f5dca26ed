import {
  Alert,
  Button,
  Checkbox,
  Grid,
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
import { useTranslation } from 'react-i18next'
import type { HandoverCandidate, LookupResult } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { SmsBadge } from './sms-badge'
import { api } from '../../api/client'
import { contractText } from '../../i18n/contract-text'
import { useServiceLabel } from '../../ui/service-names'
import { ShelfActionModal, type ShelfAction } from './shelf-action-modal'

/** The documents a customer can take, who takes them (owner with ID check, or a proxy), and the hand-over itself. */
export function HandoverPanel({ result, onDone }: { result: LookupResult; onDone: () => void }) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
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
        title: t('collection.handover.doneTitle'),
        message: t('collection.handover.done', { count: done.length }),
      })
      onDone()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <Paper withBorder p="md" radius="md" onKeyDown={getHotkeyHandler([['mod+Enter', () => void handOver()]])}>
      {/* Documents on the left, who collects and the hand-over button on the right: at 1366×768 the button is in
          view without scrolling however many documents the customer has. */}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={result.ready.length > 0 ? 7 : 12}>
          <Stack gap="xs">
            {result.ready.length === 0 && <Alert color="orange">{t('collection.handover.nothing')}</Alert>}
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
                    setChosen((c) =>
                      on ? [...c, d.trackingNumber] : c.filter((x) => x !== d.trackingNumber),
                    )
                  }}
                  label={
                    <div>
                      <Text fw={700}>
                        {d.customerName} · {serviceLabel(d.serviceCode, d.serviceName)}
                      </Text>
                      <Group gap="xs" wrap="wrap">
                        <Text size="sm" c="dimmed" ff="monospace">
                          {formatTrackingNumber(d.trackingNumber)}
                          {d.idNumberHint
                            ? ` · ${t('collection.handover.idHint', { hint: contractText(d.idNumberHint) })}`
                            : ''}
                          {d.damaged ? ` · ${t('collection.handover.damaged')}` : ''}
                        </Text>
                        <SmsBadge sms={d.sms} />
                      </Group>
                    </div>
                  }
                />
                <Group gap="xs" wrap="nowrap">
                  <Text
                    fz="2.2rem"
                    fw={900}
                    ff="monospace"
                    lh={1.1}
                    style={{ whiteSpace: 'nowrap' }}
                    data-testid="handover-slot"
                  >
                    {d.shelfSlot}
                  </Text>
                  <Menu>
                    <Menu.Target>
                      <Button
                        variant="subtle"
                        aria-label={t('collection.handover.more', { trackingNumber: d.trackingNumber })}
                        px="xs"
                      >
                        <IconDots />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setAction({ action: 'move', doc: d })}>
                        {t('collection.action.move')}
                      </Menu.Item>
                      <Menu.Item onClick={() => setAction({ action: 'missing', doc: d })}>
                        {t('collection.action.missing')}
                      </Menu.Item>
                      <Menu.Item onClick={() => setAction({ action: 'damaged', doc: d })}>
                        {t('collection.action.damaged')}
                      </Menu.Item>
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
          </Stack>
        </Grid.Col>
        {result.ready.length > 0 && (
          <Grid.Col span={5}>
            <Stack gap="sm">
              <Title order={4}>{t('collection.handover.who')}</Title>
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v === 'proxy' ? 'proxy' : 'owner')}
                data={[
                  { value: 'owner', label: t('collection.handover.owner') },
                  { value: 'proxy', label: t('collection.handover.proxy') },
                ]}
              />
              {kind === 'owner' ? (
                <TextInput
                  label={t('collection.handover.ownerId')}
                  inputMode="numeric"
                  value={idNumber}
                  onChange={(e) => setIdNumber(e.currentTarget.value)}
                  autoFocus
                />
              ) : (
                <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
                  <TextInput
                    label={t('collection.handover.proxyName')}
                    value={proxy.name}
                    onChange={(e) => setProxy({ ...proxy, name: e.currentTarget.value })}
                    autoFocus
                  />
                  <TextInput
                    label={t('collection.handover.proxyId')}
                    inputMode="numeric"
                    value={proxy.idNumber}
                    onChange={(e) => setProxy({ ...proxy, idNumber: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('collection.handover.relationship')}
                    placeholder={t('collection.handover.relationshipPlaceholder')}
                    value={proxy.relationship}
                    onChange={(e) => setProxy({ ...proxy, relationship: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('collection.handover.authorisation')}
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
              <div>
                <Button
                  size="lg"
                  fullWidth
                  onClick={() => void handOver()}
                  disabled={chosen.length === 0}
                  aria-keyshortcuts="Control+Enter"
                >
                  {t('collection.handover.submit', { count: chosen.length })}
                </Button>
                <Text size="sm" c="dimmed" ta="center" mt={4}>
                  {t('collection.handover.orKeys')}
                </Text>
              </div>
            </Stack>
          </Grid.Col>
        )}
      </Grid>
      {action && (
        <ShelfActionModal
          action={action.action}
          doc={action.doc}
          onClose={() => setAction(null)}
          onDone={() => {
            notifications.show({ color: 'green', message: t('collection.handover.saved') })
            onDone()
          }}
        />
      )}
    </Paper>
  )
}
