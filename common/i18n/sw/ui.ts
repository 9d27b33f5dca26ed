import type { Messages } from '../languages'

export const ui: Messages['ui'] = {
  status: {
    registered: 'Kwa wakala',
    arrived: 'Iko tayari kwenye rafu',
    collected: 'Imechukuliwa',
    returned: 'Imerudishwa kwa wakala',
    cancelled: 'Imeghairiwa',
  },
  print: {
    printCopy: 'Chapisha nakala',
    printAgain: 'Chapisha tena',
    didNotPrint: 'Haikuchapishwa',
    failedTitle: 'Stakabadhi haikuchapishwa',
    saved: 'Maombi yamehifadhiwa.',
    willSayCopy: 'Huenda sehemu yake ilitoka, kwa hivyo stakabadhi mpya itaandikwa NAKALA.',
    printed: 'Imechapishwa',
    copy: 'Nakala',
    previewOnly: 'Hakuna printa iliyowekwa: onyesha au hifadhi stakabadhi hii',
    printing: 'Inachapisha…',
  },
  sms: {
    delivered: {
      label: 'SMS imefika',
      hint: 'Lango la SMS liliripoti kuwa SMS ya hati kuwa tayari imefika.',
    },
    failed: { label: 'SMS haikufika', hint: 'Lango la SMS halikuweza kufikisha SMS ya hati kuwa tayari.' },
    'invalid-number': {
      label: 'SMS: nambari si sahihi',
      hint: 'Nambari ya simu ilikataliwa: irekebishe pamoja na mteja.',
    },
    sent: { label: 'SMS imetumwa', hint: 'Imetumwa; bado hakuna ripoti ya kufika kutoka kwa lango la SMS.' },
    scheduled: {
      label: 'SMS inasubiri',
      hint: 'SMS ya hati kuwa tayari inatumwa baada ya muda wa kusubiri.',
    },
    none: { label: 'Hakuna SMS', hint: 'Hakuna SMS ya hati kuwa tayari (hakuna idhini, au haikutumwa).' },
  },
  catchUp: {
    failedTitle: 'Uletaji wa data ya kituo umesimama',
    failedAfter:
      'Kompyuta hii imesajiliwa: kinachokosekana kitaletwa chenyewe ndani ya dakika chache API kuu ikijibu, au bonyeza Sawazisha sasa.',
    eventsOf: 'matukio {{read}} kati ya {{total}} ya kituo',
    events: 'matukio {{read}} ya kituo',
    ready: 'Tayari kufanya kazi: {{events}} yameletwa.',
    running: 'Data ya kituo inaletwa: {{step}} ({{percent}}%)',
    label: 'Kuleta data ya kituo',
    bar: 'Uletaji wa data {{percent}}%',
  },
  choose: {
    label: 'Chagua maombi ya {{code}}',
    title_one: 'Ombi {{count}} lina rejea <code>{{code}}</code>: ni lipi hili?',
    title_other: 'Maombi {{count}} yana rejea <code>{{code}}</code>: ni lipi hili?',
    onSlot: 'kwenye {{slot}}',
    pick: 'Ni hili',
    pickLabel: 'Ni hili: {{trackingNumber}}',
  },
  confirmPin: {
    typePin: 'Andika PIN yako (tarakimu 4 hadi 8).',
    description:
      'Hatua hii inaruhusu data binafsi za wateja kutoka nje ya programu. Andika PIN yako kuthibitisha; inaandikwa kwenye kumbukumbu za ukaguzi.',
    pin: 'PIN yako',
    cancel: 'Ghairi (Esc)',
    confirm: 'Thibitisha (Enter)',
  },
  api: {
    offline:
      'Haiwezekani kufikia programu ya Track My Service kwenye kompyuta hii. Je, bado inaendelea kufanya kazi?',
    unknownMethod: 'Amri isiyojulikana {{method}}',
  },
}
