import type { Messages } from '../languages'

/**
 * The wording and its reasons are in docs/KISWAHILI.md: noun phrases where a bare word would mislead ('Tarehe' alone
 * is only 'date', 'Tayari' alone reads as 'ready (now)' or 'already'); _nakala_ for a reprint or copy.
 */
export const receipt: Messages['receipt'] = {
  centreNo: 'Nambari ya kituo',
  title: 'Stakabadhi ya maombi',
  reprint: 'NAKALA',
  copy: 'NAKALA',
  reason: 'Sababu',
  reprinted: 'Tarehe ya nakala',
  trackingNumber: 'Nambari ya ufuatiliaji',
  service: 'Huduma',
  phone: 'Simu',
  registered: 'Tarehe ya usajili',
  readyFrom: 'Itakuwa tayari kuanzia',
  checkStatus: 'Fuatilia ombi',
  clerk: 'Karani',
  counter: 'Dirisha',
  keep: 'Hifadhi stakabadhi hii hadi upokee hati yako.',
  howToCheck:
    'Angalia hali ya maombi yako kwa kuchanganua msimbo wa QR au katika Kituo chochote cha Huduma ukiwa na stakabadhi hii.',
  test: {
    service: 'JARIBIO - si stakabadhi',
    howToCheck: 'Huu ni uchapishaji wa majaribio.',
    centreFallback: 'Kituo cha Huduma',
  },
}
