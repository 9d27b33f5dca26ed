import {
  Alert,
  Button,
  FileButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchSummary } from '../../../../common/contract'
import { api } from '../../api/client'

/** Codes from pasted text or a CSV export: every cell that looks like a code, once each. */
export function parseExpectedCodes(text: string): string[] {
  const cells = text
    .split(/[\r\n,;\t]+/)
    .map((c) => c.trim().replace(/^"|"$/g, ''))
    .filter((c) => /^[\x20-\x7e]{4,64}$/.test(c) && /\d/.test(c))
  return [...new Set(cells)]
}

/** A new batch: which agency sent it, the manifest reference, and (optionally) what the manifest lists. */
export function OpenBatchForm({ onOpened }: { onOpened: (b: BatchSummary) => void }) {
  const { t } = useTranslation()
  const [agency, setAgency] = useState('')
  const [manifestRef, setManifestRef] = useState('')
  const [count, setCount] = useState<number | string>('')
  const [expectedText, setExpectedText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const expected = parseExpectedCodes(expectedText)
  const open = async (): Promise<void> => {
    setError(null)
    try {
      onOpened(
        await api.call('arrivals.openBatch', {
          agency,
          manifestRef,
          ...(count === '' ? {} : { expectedCount: Number(count) }),
          expected,
        }),
      )
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <Paper withBorder p="lg" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void open()
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('arrivals.open.title')}
          </Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('arrivals.open.agency')}
            placeholder={t('arrivals.open.agencyPlaceholder')}
            required
            autoFocus
            value={agency}
            onChange={(e) => setAgency(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              label={t('arrivals.open.manifestRef')}
              placeholder={t('arrivals.open.optional')}
              value={manifestRef}
              onChange={(e) => setManifestRef(e.currentTarget.value)}
            />
            <NumberInput
              label={t('arrivals.open.count')}
              placeholder={t('arrivals.open.optional')}
              min={0}
              value={count}
              onChange={setCount}
            />
          </Group>
          <Textarea
            label={t('arrivals.open.expected', { n: expected.length })}
            description={t('arrivals.open.expectedHint')}
            autosize
            minRows={2}
            maxRows={5}
            value={expectedText}
            onChange={(e) => setExpectedText(e.currentTarget.value)}
          />
          <Group justify="space-between">
            <FileButton
              accept=".csv,text/csv,text/plain"
              onChange={(f) => void f?.text().then(setExpectedText)}
            >
              {(props) => (
                <Button variant="default" {...props}>
                  {t('arrivals.open.importCsv')}
                </Button>
              )}
            </FileButton>
            <Button type="submit" size="md">
              {t('arrivals.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
