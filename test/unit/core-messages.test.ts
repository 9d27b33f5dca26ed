// @vitest-environment jsdom
// (localContractMessage is the renderer's, and its module sets the window's language on load.)
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTRACT_MESSAGES, CORE_MESSAGES, createI18n, findContractMessage, sw } from '../../common/i18n'
import { certificateMessage } from '../../main/sync/http-client'
import { scannerPortProblem } from '../../main/devices/scanner/port-list'
import { unknownCodeMessage } from '../../common/scan-classify'
import { localContractMessage } from '../../renderer/src/i18n/contract-text'
import { CORE_MESSAGE_FILES, coreMessages } from '../helpers/core-message-literals'
import { messageLiterals } from '../helpers/contract-message-literals'
import { ROOT } from '../helpers/ui-texts'

const messages = CORE_MESSAGE_FILES.flatMap(coreMessages)
const HAS_WORDS = (text: string): boolean => /\p{L}{2,}/u.test(text) && /\s/.test(text)
const skeleton = (text: string): string => text.replace(/\{\{\s*\w+\s*\}\}/g, '{}')

/**
 * Messages the core passes on from elsewhere (`file expression` → where the text is made). Each source is checked:
 * the contract's field modules by validation-messages.test.ts, the rest below or by the walk itself. A new
 * passed-on message fails the test until someone has looked where it comes from and listed it here.
 */
const PASSED_ON: Record<string, string> = {
  'main/api/dispatcher.ts message':
    "the contract: cleanInput's problem or a schema's issue (or zod's shape words)",
  'main/services/application-service.ts tn.message': 'common/tracking-number.ts (contract catalogue)',
  'main/services/arrival-service.ts slot.message': 'common/shelf-slot.ts (contract catalogue)',
  // The arrival scan panel's headline and message (arrival-service.ts result(…)).
  'main/services/arrival-service.ts scan.slot': "an arrival's headline is its shelf slot: no words",
  'main/services/arrival-service.ts row.slot': "a resolved scan's headline is its shelf slot: no words",
  'main/services/arrival-service.ts headline[scan.outcome]': "describe's headline record (walked)",
  'main/services/arrival-service.ts chooseMessage(look.ref, look.apps.length)':
    'chooseMessage (MADE_ELSEWHERE)',
  'main/services/arrival-service.ts c.message':
    'classifyScan: common/tracking-number.ts (contract catalogue) or unknownCodeMessage (MADE_ELSEWHERE)',
  'main/services/arrival-service.ts message': "scanClassified's unknown-code message (walked)",
  'main/services/arrival-service.ts elsewhere':
    "sync-service resolveUnknown's `here: false` messages (walked)",
  'main/services/auth-service.ts tooShort': 'pinTooShortFor, common/contract (contract catalogue)',
  'main/services/catalogue-service.ts issue?.message': 'common/catalogue.ts schema (contract catalogue)',
  'main/services/handover-service.ts c.message':
    'classifyScan: common/tracking-number.ts (contract catalogue)',
  'main/services/handover-service.ts r.message':
    "sync-service resolveUnknown's `here: false` messages (walked)",
  'main/services/print-service.ts parsed.problems[0]': 'common/printer-config.ts (contract catalogue)',
  'main/services/scanner-service.ts parsed.problems[0]': 'common/scanner-config.ts (contract catalogue)',
  'main/services/scanner-service.ts problem': 'main/devices/scanner/port-list.ts scannerPortProblem (below)',
  'main/services/staff-service.ts problem': 'pinTooShortFor, common/contract (contract catalogue)',
  'main/services/sync-service.ts err.message': 'TransferSealError / ImportFileError (walked); else English',
  'main/services/sync-service.ts String(err)': 'an unexpected import failure: stays English',
  'main/sync/enrol.ts certificateMessage(err)': 'main/sync/http-client.ts certificateMessage (below)',
  // The devices' status sentences and print errors.
  'main/core/create-core.ts free': "the disk's `… free on the data disk` template (walked)",
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.coverOpen': 'STATUS_DETAIL (walked)',
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.error': 'STATUS_DETAIL (walked)',
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.feeding': 'STATUS_DETAIL (walked)',
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.noAnswer': 'STATUS_DETAIL (walked)',
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.offline': 'STATUS_DETAIL (walked)',
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.paperLow': 'STATUS_DETAIL (walked)',
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.paperOut': 'STATUS_DETAIL (walked)',
  'main/devices/printer/escpos-status.ts STATUS_DETAIL.ready': 'STATUS_DETAIL (walked)',
  'main/devices/printer/file-printer.ts this.toPrintError(err).message': 'a PrintError (walked)',
  'main/devices/printer/printer.ts detail': "printErrors.offline: a printer status's detail (walked)",
  'main/devices/printer/printer.ts e.message': 'jobFailure: a PrintError passed on (walked)',
  'main/devices/printer/serial-printer.ts errorText(err)': "the operating system's error: stays English",
  'main/devices/printer/tcp-printer.ts errorText(err)': "the operating system's error: stays English",
  'main/services/print-service.ts outcome.error': 'a PrintError (walked)',
  'main/services/status-service.ts p.status.detail': 'the printer status (walked)',
  'main/services/status-service.ts s.detail': 'the scanner status (walked)',
}

/**
 * Messages the core builds from parts (`${hint}${example}`): the walk sees only the skeleton, so every text each
 * can make is written out here and must find its entry.
 */
const BUILT: Record<string, string[]> = {
  'The agency reference for {}{}{}.': [
    'The agency reference for Passport is 10 letters and digits, e.g. AB1234567.',
    'The agency reference for Passport is 10 letters and digits.',
    'The agency reference for Passport has a different format, e.g. AB1234567.',
    'The agency reference for Passport has a different format.',
  ],
  'Wrong staff number or PIN. {} {} left before the account locks.': [
    'Wrong staff number or PIN. 1 try left before the account locks.',
    'Wrong staff number or PIN. 4 tries left before the account locks.',
  ],
  'The settings file was not applied: {}{}. Nothing was changed.': [
    'The settings file was not applied: it is not JSON. Nothing was changed.',
    'The settings file was not applied: it is not JSON (line 3). Nothing was changed.',
  ],
  'line {}: {}{}': ['line 3: type: Invalid input', 'line 3: not an event'],
  'Low disk space: {}. Free some space soon: when the disk is full nothing can be saved.{}': [
    'Low disk space: 1.2 GB free on the data disk. Free some space soon: when the disk is full nothing can be saved.',
    "Low disk space: 1.2 GB free on the data disk. Free some space soon: when the disk is full nothing can be saved. Today's backup was skipped: it needs 2.5 GB free.",
  ],
  "That is {}: scan the document's label.": [
    "That is a shelf label: scan the document's label.",
    "That is a manifest code: scan the document's label.",
  ],
  '{} was collected{}. Set this document aside and tell the manager.': [
    '0420 1772 8807 was collected. Set this document aside and tell the manager.',
    '0420 1772 8807 was collected on 03/12/2026. Set this document aside and tell the manager.',
  ],
  '{} is already on shelf {}{}{}. A re-scan is not a second arrival.': [
    '0420 1772 8807 is already on shelf 26W49-BC. A re-scan is not a second arrival.',
    '0420 1772 8807 is already on shelf 26W49-BC since 19:07. A re-scan is not a second arrival.',
    '0420 1772 8807 is already on shelf 26W49-BC (by ADM001). A re-scan is not a second arrival.',
    '0420 1772 8807 is already on shelf 26W49-BC since 19:07 (by ADM001). A re-scan is not a second arrival.',
  ],
  'Offline{}; events wait in the outbox': [
    'Offline; events wait in the outbox',
    'Offline: connect ECONNREFUSED 10.0.0.5:443; events wait in the outbox',
  ],
}

/**
 * Texts the core shows that are made where the walk does not look (a helper function, common/, the updater's
 * `fail`): each written out here, and each must find its entry.
 */
const MADE_ELSEWHERE: Record<string, string[]> = {
  'common/scan-classify.ts unknownCodeMessage': [unknownCodeMessage('HELLO')],
  'main/services/arrival-service.ts chooseMessage': [
    '2 applications have agency reference AB1234567: choose below which one this document is.',
  ],
  'main/services/update/update-policy.ts failed': [
    'The update check failed: net::ERR_CONNECTION_REFUSED',
    'The update download failed: net::ERR_CONNECTION_REFUSED',
  ],
}

const sws = createI18n('sw')
/** The window's Kiswahili for `text`: what `contractText` shows. */
const inKiswahili = (text: string): string => localContractMessage(sws, text)
/** Whether `text` finds an entry of the core's or the contract's catalogue. */
const found = (text: string): boolean => findContractMessage(text) !== null

/** What scannerPortProblem says for each kind of wrong port, and certificateMessage for each certificate fault. */
function portAndCertificateTexts(): string[] {
  const problems = [
    scannerPortProblem('/dev/ttyUSB0', 'win32'),
    scannerPortProblem('COM4', 'linux'),
    scannerPortProblem('ttyACM0', 'linux'),
    scannerPortProblem('scanner', 'linux'),
    scannerPortProblem('/no/such/port/here', 'linux'),
    // A directory that exists: not a device.
    scannerPortProblem(ROOT, 'linux'),
  ]
  const codes = [
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_REVOKED',
    'CERT_SIGNATURE_FAILURE',
  ]
  const certificates = codes.map((code) => certificateMessage(Object.assign(new Error('x'), { code })))
  return [...problems, ...certificates].map((t) => t ?? 'null')
}

describe("the core's error messages in Kiswahili (common/i18n/en/core.ts)", () => {
  it('every message main/ writes into an AppError, the dispatcher or the sync errors has a catalogue entry', () => {
    const missing = messages
      .filter((m) => m.skeleton !== null && HAS_WORDS(m.skeleton) && !BUILT[m.skeleton])
      .filter((m) => !found(m.skeleton!))
      .map((m) => `${m.where} ${JSON.stringify(m.skeleton)}`)
    expect(missing).toEqual([])
  })

  it('every text a message built from parts can make finds its entry', () => {
    const built = new Set(messages.map((m) => m.skeleton).filter((s) => s !== null && BUILT[s]))
    expect([...built].sort()).toEqual(Object.keys(BUILT).sort())
    expect(
      Object.values(BUILT)
        .flat()
        .filter((t) => !found(t)),
    ).toEqual([])
  })

  it('every text made where the walk does not look finds its entry', () => {
    expect(
      Object.values(MADE_ELSEWHERE)
        .flat()
        .filter((t) => !found(t)),
    ).toEqual([])
  })

  it('every message passed on from elsewhere is one whose source is known', () => {
    const passed = new Set(
      messages.filter((m) => m.skeleton === null).map((m) => `${m.where.replace(/:\d+$/, '')} ${m.passed}`),
    )
    expect([...passed].filter((p) => !PASSED_ON[p])).toEqual([])
    expect(Object.keys(PASSED_ON).filter((p) => !passed.has(p))).toEqual([])
  })

  it("the scanner port's problems and the certificate's are catalogue messages, each value translated", () => {
    const texts = portAndCertificateTexts()
    expect(texts.filter((t) => !found(t))).toEqual([])
    // The fault inside the certificate message is a word of the core's, so it comes out in Kiswahili too.
    const certificates = texts.filter((t) => t.includes('certificate'))
    expect(certificates).toHaveLength(8)
    expect(
      certificates.map(inKiswahili).filter((t) => /expired|signed|revoked|address|valid/.test(t)),
    ).toEqual([])
  })

  it('every catalogue entry is still written in main/ (none left behind by a changed message)', () => {
    const literals = [
      ...CORE_MESSAGE_FILES.flatMap(messageLiterals),
      // The roles' names that the dispatcher puts into its messages, lower-cased there.
      ...messageLiterals('common/roles.ts'),
    ]
    const plain = new Set(literals.filter((l) => !l.template).map((l) => l.skeleton.toLowerCase()))
    const templates = new Set([
      ...literals.filter((l) => l.template).map((l) => l.skeleton),
      ...messages.flatMap((m) => (m.template && m.skeleton !== null ? [m.skeleton] : [])),
    ])
    // Texts the tests above make from real parts: the messages built from parts, the port's and certificate's.
    const made = new Set(
      [
        ...Object.values(BUILT).flat(),
        ...Object.values(MADE_ELSEWHERE).flat(),
        ...portAndCertificateTexts(),
      ].map((t) => findContractMessage(t)?.key),
    )
    // A status the core puts into a message is a value of a status type in the contract (`'confirmed'`).
    const statusWords = fs.readFileSync(path.join(ROOT, 'common/contract/campaign-types.ts'), 'utf8')
    const stale = CORE_MESSAGES.filter(([key, text]) => {
      if (made.has(key)) return false
      if (!text.includes('{{'))
        return (
          !plain.has(text.toLowerCase()) && !(key.startsWith('status.') && statusWords.includes(`'${text}'`))
        )
      return !templates.has(skeleton(text))
    }).map(([key]) => key)
    expect(stale).toEqual([])
  })

  it('each English text is in the two catalogues once, so a message finds one entry', () => {
    const all = [
      ...CONTRACT_MESSAGES.map(([k, t]) => [`validation.${k}`, t]),
      ...CORE_MESSAGES.map(([k, t]) => [`core.${k}`, t]),
    ]
    const seen = new Map<string, string>()
    const twice = all.flatMap(([key, text]) => {
      const first = seen.get(text!)
      seen.set(text!, key!)
      return first ? [`${first} and ${key}: ${text}`] : []
    })
    expect(twice).toEqual([])
  })

  it('no Kiswahili entry is left in English', () => {
    const flat = (tree: object, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]): [string, string][] =>
        typeof v === 'string' ? [[prefix + k, v]] : flat(v as object, `${prefix}${k}.`),
      )
    const kiswahili = new Map(flat(sw.core))
    expect(CORE_MESSAGES.filter(([key, text]) => kiswahili.get(key) === text).map(([key]) => key)).toEqual([])
  })

  it('real messages come out in Kiswahili, with the core words in them translated', () => {
    expect(inKiswahili('Wrong staff number or PIN.')).toBe('Nambari ya mfanyakazi au PIN si sahihi.')
    expect(inKiswahili('Wrong staff number or PIN. 2 tries left before the account locks.')).toBe(
      'Nambari ya mfanyakazi au PIN si sahihi. Yamebaki majaribio 2 kabla akaunti haijafungwa.',
    )
    expect(inKiswahili('Staff number 1042 is already in use.')).toBe(
      'Nambari ya mfanyakazi 1042 tayari inatumika.',
    )
    expect(inKiswahili('That document is no longer on the shelf (it is collected).')).toBe(
      'Hati hiyo haiko tena kwenye rafu (imechukuliwa).',
    )
    expect(inKiswahili("Set a new PIN first: a centre manager's PIN now has at least 6 digits.")).toBe(
      'Weka PIN mpya kwanza: PIN ya meneja wa kituo sasa ina angalau tarakimu 6.',
    )
    expect(inKiswahili('0420 3671 4272 cannot be handed over: already collected.')).toBe(
      '0420 3671 4272 haiwezi kukabidhiwa: tayari imechukuliwa.',
    )
    expect(inKiswahili('Manifest 17 is already cancelled.')).toBe('Orodha 17: tayari imeghairiwa.')
    // The devices' and the disk's status sentences, shown in the status bar and the settings.
    expect(inKiswahili('The printer is out of paper. Load a new roll.')).toBe(
      'Karatasi ya printa imekwisha. Weka roli mpya.',
    )
    expect(inKiswahili('Scanner connected on /dev/ttyACM0 at 9600 baud.')).toBe(
      'Skana imeunganishwa kwenye /dev/ttyACM0 kwa kasi ya baud 9600.',
    )
    expect(inKiswahili('1.2 GB free on the data disk')).toBe('Nafasi iliyo wazi kwenye diski ya data: 1.2 GB')
    // A more specific pattern wins over a general one that would also fit ('{{trackingNumber}} is already …').
    expect(findContractMessage('Batch 12 is already closed.')?.key).toBe('arrivals.batchAlreadyClosed')
    // The core's English is found in the same lookup as the contract's.
    expect(findContractMessage('Wrong staff number or PIN.')).toEqual({
      group: 'core',
      key: 'auth.wrongPin',
      values: {},
    })
  })
})
