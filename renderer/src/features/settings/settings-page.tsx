import { Tabs, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppStatus, SessionInfo } from '../../../../common/contract'
import { AboutTab } from './about-tab'
import { AuditTab } from './audit-tab'
import { MyPinTab } from './my-pin-tab'
import { PrinterTab } from './printer-tab'
import { ScannerTab } from './scanner-tab'
import { ServicesTab } from './services-tab'
import { StaffTab } from './staff-tab'
import { SettingsFileTab } from './settings-file-tab'
import { SyncTab } from './sync-tab'
import { WorkstationTab } from './workstation-tab'

/** Settings by role: administrators manage; managers look; everyone changes their own PIN. */
export function SettingsPage({ session, app }: { session: SessionInfo; app: AppStatus }) {
  const { t } = useTranslation()
  const role = session.staff.role
  const admin = role === 'admin'
  const oversees = admin || role === 'manager'
  return (
    <>
      <Title order={2} mb="md">
        {t('settings.title')}
      </Title>
      <Tabs defaultValue={oversees ? 'staff' : 'pin'} keepMounted={false}>
        <Tabs.List mb="md">
          {oversees && <Tabs.Tab value="staff">{t('settings.tabs.staff')}</Tabs.Tab>}
          <Tabs.Tab value="workstation">{t('settings.tabs.workstation')}</Tabs.Tab>
          <Tabs.Tab value="printer">{t('settings.tabs.printer')}</Tabs.Tab>
          <Tabs.Tab value="scanner">{t('settings.tabs.scanner')}</Tabs.Tab>
          <Tabs.Tab value="services">{t('settings.tabs.services')}</Tabs.Tab>
          <Tabs.Tab value="sync">{t('settings.tabs.sync')}</Tabs.Tab>
          {admin && <Tabs.Tab value="settings-file">{t('settings.tabs.settingsFile')}</Tabs.Tab>}
          {oversees && <Tabs.Tab value="audit">{t('settings.tabs.audit')}</Tabs.Tab>}
          <Tabs.Tab value="pin">{t('settings.tabs.pin')}</Tabs.Tab>
          <Tabs.Tab value="about">{t('settings.tabs.about')}</Tabs.Tab>
        </Tabs.List>
        {oversees && (
          <Tabs.Panel value="staff">
            <StaffTab canEdit={admin} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="workstation">
          <WorkstationTab app={app} canEdit={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="scanner">
          <ScannerTab canEdit={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="sync">
          <SyncTab role={admin ? 'admin' : oversees ? 'manager' : 'other'} />
        </Tabs.Panel>
        {admin && (
          <Tabs.Panel value="settings-file">
            <SettingsFileTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="services">
          <ServicesTab canEdit={admin} />
        </Tabs.Panel>
        <Tabs.Panel value="printer">
          <PrinterTab canEdit={admin} />
        </Tabs.Panel>
        {oversees && (
          <Tabs.Panel value="audit">
            <AuditTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="pin">
          <MyPinTab role={role} />
        </Tabs.Panel>
        <Tabs.Panel value="about">
          <AboutTab canExport={admin} />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
