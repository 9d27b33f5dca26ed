import { MantineProvider } from '@mantine/core'
import { render, type RenderResult } from '@testing-library/react'
import type { ReactElement } from 'react'
import { theme } from '../../renderer/src/theme'

/**
 * Renders a component as the app does, inside the app's MantineProvider; `env="test"` turns off transitions and
 * portals so what opens is in the DOM at once.
 */
export function renderApp(ui: ReactElement): RenderResult {
  return render(
    <MantineProvider theme={theme} env="test">
      {ui}
    </MantineProvider>,
  )
}
