import type { Migration } from './types'

/**
 * Kiswahili that said something other than the English (docs/KISWAHILI.md): three default service names and the
 * default "how to check status" receipt text. Only rows that still hold the exact text a previous version shipped
 * are changed: a name pulled from the central catalogue or edited by an administrator (is_default = 0), or a
 * how-to-check text the centre wrote itself, is theirs and stays as it is. The texts are written out here rather
 * than imported, so this step does the same thing whatever the catalogue says later.
 */
const SERVICE_NAMES_SW: readonly { code: string; from: string; to: string }[] = [
  // "nakala mbadala" reads as "a substitute copy": the service is a replacement card.
  {
    code: 'ID_REPLACEMENT',
    from: 'Kitambulisho cha Taifa (nakala mbadala)',
    to: 'Kitambulisho cha Taifa (mbadala)',
  },
  // The certificate of good conduct (police clearance) is a certificate of good character, not of morals.
  { code: 'GOOD_CONDUCT', from: 'Cheti cha Maadili Mema', to: 'Cheti cha Tabia Njema' },
  // The card is the Social Health Authority's (Mamlaka ya Afya ya Jamii), not a generic "health insurance card".
  {
    code: 'SHA_CARD',
    from: 'Kadi ya Bima ya Afya (SHA, zamani NHIF)',
    to: 'Kadi ya Mamlaka ya Afya ya Jamii (SHA, zamani NHIF)',
  },
]

const HOW_TO_CHECK_FROM =
  'Check your status by scanning the QR code or at any Huduma Centre with this receipt. / Angalia hali ya maombi yako kwa kuchanganua msimbo wa QR.'
const HOW_TO_CHECK_TO =
  'Check your status by scanning the QR code or at any Huduma Centre with this receipt. / Angalia hali ya maombi yako kwa kuchanganua msimbo wa QR au katika Kituo chochote cha Huduma ukiwa na stakabadhi hii.'

export const migration0150: Migration = {
  version: 150,
  name: 'kiswahili-wording',
  up(db) {
    const rename = db.prepare(
      'UPDATE services SET name_sw = @to WHERE code = @code AND name_sw = @from AND is_default = 1',
    )
    for (const r of SERVICE_NAMES_SW) rename.run(r)
    // Settings hold JSON; the Workstation tab saves every setting, so the old default is often stored verbatim.
    db.prepare("UPDATE settings SET value = ? WHERE key = 'howToCheck' AND value = ?").run(
      JSON.stringify(HOW_TO_CHECK_TO),
      JSON.stringify(HOW_TO_CHECK_FROM),
    )
  },
}
