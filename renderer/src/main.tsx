import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { Notifications } from '@mantine/notifications'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/instance'
import { api } from './api/client'
import { reportWindowErrors } from './api/error-reporter'
import { App } from './app'
import { applyLargeType, largeTypeStored } from './ui/large-type'
import { Themed } from './ui/themed'

reportWindowErrors(api)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
applyLargeType(largeTypeStored())

createRoot(root).render(
  <StrictMode>
    <Themed>
      <Notifications position="top-right" autoClose={4000} />
      <App />
    </Themed>
  </StrictMode>,
)
