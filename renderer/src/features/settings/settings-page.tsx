import { Tabs, Title } from '@mantine/core'
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
  const role = session.staff.role
  const admin = role === 'admin'
  const oversees = admin || role === 'manager'
  return (
    <>
      <Title order={2} mb="md">
        Settings
      </Title>
      <Tabs defaultValue={oversees ? 'staff' : 'pin'} keepMounted={false}>
        <Tabs.List mb="md">
          {oversees && <Tabs.Tab value="staff">Staff</Tabs.Tab>}
          <Tabs.Tab value="workstation">Workstation</Tabs.Tab>
          <Tabs.Tab value="printer">Printer</Tabs.Tab>
          <Tabs.Tab value="scanner">Scanner</Tabs.Tab>
          <Tabs.Tab value="services">Services</Tabs.Tab>
          <Tabs.Tab value="sync">Sync</Tabs.Tab>
          {admin && <Tabs.Tab value="settings-file">Settings file</Tabs.Tab>}
          {oversees && <Tabs.Tab value="audit">Audit log</Tabs.Tab>}
          <Tabs.Tab value="pin">My PIN</Tabs.Tab>
          <Tabs.Tab value="about">About</Tabs.Tab>
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
