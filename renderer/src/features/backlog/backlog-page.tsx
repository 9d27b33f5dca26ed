import { Button, Group, Tabs, Title } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { AgenciesTab } from './agencies-tab'
import { AnalyticsTab } from './analytics-tab'
import { CallListTab } from './call-list-tab'
import { CampaignsTab } from './campaigns-tab'
import { DailySummary } from './daily-summary'
import { OverdueTab } from './overdue-tab'
import { PersonalDataTab } from './personal-data-tab'
import { ReturnsTab } from './returns-tab'
import { ShelfTab } from './shelf-tab'

const TABS = [
  { value: 'shelf', label: 'Shelf backlog' },
  { value: 'calls', label: 'Call list' },
  { value: 'overdue', label: 'Overdue at agency' },
  { value: 'analytics', label: 'Analytics' },
  { value: 'agencies', label: 'Agencies' },
  { value: 'reminders', label: 'Reminders' },
  { value: 'returns', label: 'Returns' },
  { value: 'personal-data', label: 'Personal data' },
] as const

/**
 * The centre manager's desk: the shelf backlog and what to do about it, turnaround, the agencies' on-time rate,
 * reminders and returns.
 */
export function BacklogPage() {
  const [tab, setTab] = useState<string>('shelf')
  const [printing, setPrinting] = useState(false)
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={1} fz={32}>
          Backlog
        </Title>
        <Button
          size="md"
          variant="default"
          leftSection={<IconPrinter size={18} />}
          onClick={() => setPrinting(true)}
        >
          Daily summary
        </Button>
      </Group>
      {/* keepMounted=false: a tab loads its figures when opened, so the page opens on the shelf at once. */}
      <Tabs value={tab} onChange={(v) => setTab(v ?? 'shelf')} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((t) => (
            // Eight tabs on one row at 1366 px: a size smaller and less padding than a lone tab row would have.
            <Tabs.Tab key={t.value} value={t.value} fz="md" fw={700} py="sm" px="sm">
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="shelf">
          <ShelfTab />
        </Tabs.Panel>
        <Tabs.Panel value="calls">
          <CallListTab />
        </Tabs.Panel>
        <Tabs.Panel value="overdue">
          <OverdueTab />
        </Tabs.Panel>
        <Tabs.Panel value="analytics">
          <AnalyticsTab />
        </Tabs.Panel>
        <Tabs.Panel value="agencies">
          <AgenciesTab />
        </Tabs.Panel>
        <Tabs.Panel value="reminders">
          <CampaignsTab />
        </Tabs.Panel>
        <Tabs.Panel value="returns">
          <ReturnsTab />
        </Tabs.Panel>
        <Tabs.Panel value="personal-data">
          <PersonalDataTab />
        </Tabs.Panel>
      </Tabs>
      {printing && <DailySummary onClose={() => setPrinting(false)} />}
    </>
  )
}
