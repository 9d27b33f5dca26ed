import type { Messages } from '../languages'

/**
 * The wording and its reasons are in docs/KISWAHILI.md. `tail` names the LAST day to collect as English "by" does:
 * "kufikia" (the day itself included), never "kabla ya" (before), which would end a day earlier. "stakabadhi" is what
 * the receipt calls itself ("Stakabadhi ya maombi"); "hati" is the document (class 9/10: iko / ziko).
 */
export const sms: Messages['sms'] = {
  ready: {
    head: 'Huduma {{centre}}: ',
    headNoCentre: 'Huduma: ',
    documents_one: 'hati yako {{numbers}} iko tayari kuchukuliwa.',
    documents_other: 'hati zako {{count}} ({{numbers}}) ziko tayari kuchukuliwa.',
  },
  reminder: {
    head: 'Huduma {{centre}} ukumbusho: ',
    headNoCentre: 'Huduma ukumbusho: ',
    documents_one: 'hati yako {{numbers}} bado inasubiri kuchukuliwa.',
    documents_other: 'hati zako {{count}} ({{numbers}}) bado zinasubiri kuchukuliwa.',
  },
  andMore: ' na nyingine {{count}}',
  tail: ' Leta kitambulisho na stakabadhi. Chukua kufikia {{date}}.',
  /** CLDR's Kiswahili abbreviations (Machi → Mac, Agosti → Ago, Oktoba → Okt, Desemba → Des). */
  months: {
    jan: 'Jan',
    feb: 'Feb',
    mar: 'Mac',
    apr: 'Apr',
    may: 'Mei',
    jun: 'Jun',
    jul: 'Jul',
    aug: 'Ago',
    sep: 'Sep',
    oct: 'Okt',
    nov: 'Nov',
    dec: 'Des',
  },
}
