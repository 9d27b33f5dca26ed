import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api } from './api/client'
import { reportWindowErrors } from './api/error-reporter'
import { App } from './app'
import { theme } from './theme'

reportWindowErrors(api)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" autoClose={4000} />
      <App />
    </MantineProvider>
  </StrictMode>,
)
