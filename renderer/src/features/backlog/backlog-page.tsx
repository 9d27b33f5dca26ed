import { Button, Group, Tabs, Title } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
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
  { value: 'shelf', labelKey: 'backlog.tabs.shelf' },
  { value: 'calls', labelKey: 'backlog.tabs.calls' },
  { value: 'overdue', labelKey: 'backlog.tabs.overdue' },
  { value: 'analytics', labelKey: 'backlog.tabs.analytics' },
  { value: 'agencies', labelKey: 'backlog.tabs.agencies' },
  { value: 'reminders', labelKey: 'backlog.tabs.reminders' },
  { value: 'returns', labelKey: 'backlog.tabs.returns' },
  { value: 'personal-data', labelKey: 'backlog.tabs.personalData' },
] as const

/**
 * The centre manager's desk: the shelf backlog and what to do about it, turnaround, the agencies' on-time rate,
 * reminders and returns.
 */
export function BacklogPage() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<string>('shelf')
  const [printing, setPrinting] = useState(false)
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={1} fz={32}>
          {t('backlog.page.title')}
        </Title>
        <Button
          size="md"
          variant="default"
          leftSection={<IconPrinter size={18} />}
          onClick={() => setPrinting(true)}
        >
          {t('backlog.page.dailySummary')}
        </Button>
      </Group>
      {/* keepMounted=false: a tab loads its figures when opened, so the page opens on the shelf at once. */}
      <Tabs value={tab} onChange={(v) => setTab(v ?? 'shelf')} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((tab) => (
            // Eight tabs on one row at 1366 px: a size smaller and less padding than a lone tab row would have.
            <Tabs.Tab key={tab.value} value={tab.value} fz="md" fw={700} py="sm" px="sm">
              {t(tab.labelKey)}
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
