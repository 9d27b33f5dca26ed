import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/instance'
import { api } from './api/client'
import { reportWindowErrors } from './api/error-reporter'
import { App } from './app'
import { cssVariablesResolver, theme } from './theme'
import { applyLargeType, largeTypeStored } from './ui/large-type'

reportWindowErrors(api)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
applyLargeType(largeTypeStored())

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" autoClose={4000} />
      <App />
    </MantineProvider>
  </StrictMode>,
)
