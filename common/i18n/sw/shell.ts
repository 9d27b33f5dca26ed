import type { Messages } from '../languages'

export const shell: Messages['shell'] = {
  header: {
    lock: 'Funga',
    lockTitle: 'Funga (Ctrl+L)',
    signOut: 'Toka',
  },
  nav: {
    label: 'Madawati',
    key: 'Alt {{key}}',
    counter: { label: 'Dirisha', hint: 'Sajili maombi, chapisha stakabadhi' },
    arrivals: { label: 'Mapokezi', hint: 'Changanua hati zilizokamilika na uziweke kwenye rafu' },
    collection: { label: 'Uchukuaji', hint: 'Kabidhi hati kwa wateja' },
    backlog: { label: 'Hati zilizosalia', hint: 'Hati ambazo hazijachukuliwa, vikumbusho, marejesho' },
    settings: { label: 'Mipangilio', hint: 'Wafanyakazi, kompyuta, kumbukumbu za ukaguzi, PIN yako' },
  },
  notYet: '{{hint}}. Dawati hili bado halimo katika toleo hili la programu.',
  status: {
    label: 'Hali ya vifaa na usawazishaji',
    printer: 'Printa',
    scanner: 'Skana',
    sync: 'Usawazishaji',
    device: '{{device}}: {{state}}',
    deviceDetail: '{{device}}: {{state}}. {{detail}}',
    state: {
      ready: 'tayari',
      'not-configured': 'haijawekwa',
      offline: 'nje ya mtandao',
      error: 'hitilafu',
    },
    screenOnly: 'skrini tu',
    dataFileDamaged: 'Faili ya data imeharibika: anzisha upya',
    staffListStale: 'Huenda orodha ya wafanyakazi imepitwa na wakati',
    diskLow: 'Nafasi ya diski ni ndogo',
    queue_one: 'Tukio {{count}} linangoja kutumwa',
    queue_other: 'Matukio {{count}} yanangoja kutumwa',
    where: 'Kituo {{centre}} · Kompyuta {{slot}} · v{{version}} · {{time}}',
  },
  start: {
    cannotStart: 'Haiwezi kuanza',
    loading: 'Inapakia',
    repairedTitle: 'Hifadhidata ilirekebishwa wakati wa kuanza',
    damaged: 'Faili ya data ilikuwa imeharibika ({{reason}}) na ikahamishiwa {{path}}.',
    restored:
      'Imerejeshwa kutoka kwa nakala rudufu {{backup}}: kazi iliyofanywa baada ya nakala hiyo lazima ikaguliwe.',
    noBackup: 'Hakuna nakala rudufu iliyopatikana, kwa hivyo kompyuta hii ilianza bila data.',
    tellManager: 'Mjulishe meneja wako. ({{at}})',
  },
}
