import { Alert, Stack, Tabs } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LookupResult } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { useOpenWork } from '../../api/use-open-work'
import { playFeedback } from '../../ui/feedback-sound'
import { ChooseApplication } from '../../ui/choose-application'
import { ScanField } from '../../ui/scan-field'
import { useSerialScans } from '../arrivals/use-serial-scans'
import { HandoverPanel } from './handover-panel'
import { ShelfAudit } from './shelf-audit'

/** What the last read at the hand-over desk said, when it was not a customer's documents. */
type ReadNotice = { kind: 'rejected'; message: string } | { kind: 'repeat'; code: string }

/** The collection desk: scan the customer's receipt (or type a number), check who collects, hand over. */
export function CollectionPage() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<string | null>('handover')
  const [result, setResult] = useState<LookupResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<ReadNotice | null>(null)
  const [round, setRound] = useState(0)
  const [lastCode, setLastCode] = useState('')
  const [handedOver, setHandedOver] = useState(0)
  // A customer's documents on screen to hand over (or to choose between): an update waits until it is done.
  useOpenWork('handover', result !== null && (result.ready.length > 0 || result.choose.length > 0))

  const lookup = async (code: string): Promise<void> => {
    setError(null)
    setNotice(null)
    try {
      const r = await api.call('collection.lookup', { code })
      setResult(r)
      setRound((n) => n + 1)
      playFeedback(r.ready.length > 0 ? 'ok' : 'warn')
      setLastCode(code.trim().toUpperCase())
    } catch (err) {
      setResult(null)
      playFeedback('error')
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="handover">{t('collection.tabs.handover')}</Tabs.Tab>
        <Tabs.Tab value="audit">{t('collection.tabs.audit')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="handover">
        <HandoverLookup
          onCode={(c) => void lookup(c)}
          error={error}
          onRejected={(message) => {
            // A garbled read is not the next customer, but the last customer's documents must not look like
            // its answer either: they go, and the reason shows in their place.
            setResult(null)
            setError(null)
            setNotice({ kind: 'rejected', message })
          }}
          onRepeat={(code) => setNotice({ kind: 'repeat', code })}
          refocus={handedOver}
        />
        {notice && <ReadNoticeAlert notice={notice} />}
        {result && result.choose.length > 0 ? (
          // An agency reference of several customers: pick whose document it is, then hand over as usual.
          <ChooseApplication code={lastCode} candidates={result.choose} onPick={(tn) => lookup(tn)} />
        ) : (
          result && (
            <HandoverPanel
              key={round}
              result={result}
              onDone={() => {
                setResult(null)
                setHandedOver((n) => n + 1)
              }}
            />
          )
        )}
      </Tabs.Panel>
      <Tabs.Panel value="audit">
        <ShelfAudit />
      </Tabs.Panel>
    </Tabs>
  )
}

function ReadNoticeAlert({ notice }: { notice: ReadNotice }) {
  const { t } = useTranslation()
  if (notice.kind === 'rejected') {
    return (
      <Alert
        color="red"
        variant="filled"
        title={t('collection.lookup.rejected')}
        mb="md"
        data-testid="read-notice"
      >
        {notice.message}
      </Alert>
    )
  }
  const code = /^\d{12}$/.test(notice.code) ? formatTrackingNumber(notice.code) : notice.code
  return (
    <Alert color="gray" title={t('collection.lookup.repeat')} mb="md" data-testid="read-notice">
      {t('collection.lookup.repeatText', { code })}
    </Alert>
  )
}

function HandoverLookup({
  onCode,
  error,
  onRejected,
  onRepeat,
  refocus,
}: {
  onCode: (code: string) => void
  error: string | null
  onRejected: (message: string) => void
  onRepeat: (code: string) => void
  /** Bumped after each hand-over: the cursor goes back to the field for the next customer's receipt. */
  refocus: number
}) {
  const { t } = useTranslation()
  useSerialScans(onCode, { onRejected, onRepeat })
  return (
    <Stack mb="md">
      <ScanField
        placeholder={t('collection.lookup.placeholder')}
        // A size smaller than xl's 20 px text: the Kiswahili hint is one line of ~100 characters and was cut.
        styles={{ input: { fontSize: 'var(--mantine-font-size-lg)' } }}
        aria-label={t('collection.lookup.label')}
        autoFocus
        refocus={refocus}
        error={error}
        onCode={onCode}
      />
    </Stack>
  )
}
