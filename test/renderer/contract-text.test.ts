import { describe, expect, it } from 'vitest'
import { contract } from '../../common/contract'
import { counterWarning } from '../../common/tracking-number'
import { contractText } from '../../renderer/src/i18n/contract-text'
import { setUiLanguage } from '../../renderer/src/i18n/instance'

/** The contract's English messages as the window shows them (renderer/src/i18n/contract-text.ts). */
describe('contract messages in the window’s language', () => {
  it('in English they are the schema’s own text', () => {
    expect(contractText('Staff number is 3 to 12 letters or digits')).toBe(
      'Staff number is 3 to 12 letters or digits',
    )
  })

  it('in Kiswahili the values are put in, and a field’s name or a nested message is translated too', () => {
    setUiLanguage('sw')
    expect(contractText('Quiet hours start is a time like 20:00 (24-hour clock)')).toBe(
      'Mwanzo wa saa za utulivu: andika saa kama 20:00 (mfumo wa saa 24)',
    )
    expect(contractText('Service ID_NEW: agency reference pattern is longer than 200 characters')).toBe(
      'Huduma ID_NEW: mpangilio wa rejea ya wakala: ni mrefu kuliko herufi 200',
    )
    expect(
      contractText(
        'Remove the invisible control character (U+001B) from this text: it cannot be stored or printed.',
      ),
    ).toBe(
      'Ondoa herufi ya udhibiti isiyoonekana (U+001B) kutoka kwenye maandishi haya: haiwezi kuhifadhiwa wala kuchapishwa.',
    )
    expect(contractText(counterWarning(999_000)?.message ?? '')).toBe(
      'Kompyuta hii imebakiwa na nambari za ufuatiliaji: 1,000. Inahitaji nafasi mpya ya kompyuta kabla hazijaisha.',
    )
  })

  it('in Kiswahili a schema’s answer reads in Kiswahili, and a text neither the contract nor the core writes stays as it is', () => {
    setUiLanguage('sw')
    const r = contract['settings.update'].input.safeParse({ reminderQuietStart: '25:00' })
    expect(r.success).toBe(false)
    expect(contractText(r.error?.issues[0]?.message ?? '')).toBe(
      'Mwanzo wa saa za utulivu: andika saa kama 20:00 (mfumo wa saa 24)',
    )
    expect(contractText('The disk is full: nothing was saved. Free space and try again.')).toBe(
      'Diski imejaa: hakuna kilichohifadhiwa. Futa baadhi ya faili ili kupata nafasi, kisha ujaribu tena.',
    )
    expect(contractText('fetch failed')).toBe('fetch failed')
  })
})
