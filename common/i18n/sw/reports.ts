import type { Messages } from '../languages'

/**
 * Kiswahili of the files in common/i18n/en/reports.ts, in the terms of docs/KISWAHILI.md: _hati_ is the document
 * (i-/zi- concord), _maombi_ the application (ya- concord; one counted is _ombi 1_), _wakala_ the issuing agency (as
 * on the screens; it used to say _taasisi_), _nafasi ya rafu_ a shelf slot. Reviewed in session 15 against the
 * screens' terms, not against sources as the receipt and SMS were; the screens still hand the customer the English file.
 */
export const reports: Messages['reports'] = {
  subject: {
    title: 'Data binafsi zinazohifadhiwa na {{centre}}',
    heading: 'Data binafsi zinazohifadhiwa na {{centre}} (kituo {{number}})',
    byIdNumber: 'nambari ya kitambulisho',
    byPhone: 'nambari ya simu',
    intro:
      'Kila kitu ambacho kompyuta ya kituo hiki inahifadhi kuhusu {{by}}\n{{value}}, kama ilivyokuwa {{at}}:\n{{applications}} na {{reminders}}.',
    applications_one: 'ombi {{count}}',
    applications_other: 'maombi {{count}}',
    reminders_one: 'SMS {{count}} ya ukumbusho',
    reminders_other: 'SMS {{count}} za ukumbusho',
    truncated:
      'Maombi yaliyopatikana ni mengi kuliko faili moja inavyoweza kubeba: muulize meneja wa kituo yaliyobaki.',
    rights:
      'Chini ya Sheria ya Ulinzi wa Data ya 2019 unaweza kuomba kosa lirekebishwe na, pale sheria inaporuhusu,\ntaarifa hizi zifutwe. Muulize meneja wa kituo.',
    nothingHeld: 'Hakuna taarifa zinazohifadhiwa kuhusu mtu huyu.',
    column: {
      trackingNumber: 'Nambari ya ufuatiliaji',
      service: 'Huduma',
      when: 'Lini (saa za Nairobi)',
      what: 'Tukio',
      details: 'Maelezo',
    },
    fact: {
      detailsHeld: 'Taarifa zinazohifadhiwa',
      whoCollected: 'Aliyechukua',
      sms: 'SMS ({{kind}})',
      smsDelivery: 'Ripoti ya kufikishwa kwa SMS',
      phoneCall: 'Simu iliyopigwa',
      returnManifest: 'Orodha ya kurudisha Na. {{id}}',
      listed: 'imeorodheshwa',
      reminderSms: 'SMS ya ukumbusho',
    },
    detail: {
      name: 'Jina: {{value}}',
      phone: 'Simu: {{value}}',
      idNumber: 'Nambari ya kitambulisho: {{value}}',
      noIdNumber: '(haikutolewa)',
      agencyRef: 'Rejea ya wakala: {{value}}',
      smsLanguage: 'Lugha ya SMS: {{value}}',
      smsConsent: 'Amekubali SMS: {{value}}',
      yes: 'ndiyo',
      no: 'hapana',
      notes: 'Maelezo: {{value}}',
      status: 'Hali: {{value}}',
      shelfSlot: 'Nafasi ya rafu: {{value}}',
    },
    language: { en: 'Kiingereza', sw: 'Kiswahili' },
    status: {
      registered: 'Hati inasubiriwa kutoka kwa wakala',
      arrived: 'Hati iko rafuni, tayari kuchukuliwa',
      collected: 'Hati imechukuliwa',
      returned: 'Hati imerudishwa kwa wakala',
      cancelled: 'Maombi yameghairiwa',
    },
    event: {
      registered: 'Maombi yamesajiliwa dirishani',
      arrived: 'Hati imefika kutoka kwa wakala na kuwekwa rafuni',
      moved: 'Hati imehamishiwa nafasi nyingine ya rafu',
      missing: 'Hati imewekwa alama kuwa haipo katika nafasi yake ya rafu',
      missingCleared: 'Hati imepatikana tena rafuni',
      damaged: 'Hati imewekwa alama kuwa imeharibika',
      damagedCleared: 'Alama ya kuharibika imeondolewa',
      collected: 'Hati imekabidhiwa',
      returned: 'Hati imerudishwa kwa wakala',
      cancelled: 'Maombi yameghairiwa',
      callLogged: 'Simu iliyopigwa imeandikwa',
      smsReady: 'SMS: hati iko tayari',
      smsReminder: 'SMS: ukumbusho wa kuchukua',
    },
  },
  audit: {
    intact: 'Kumbukumbu za ukaguzi ziko salama: safu {{rows}} zimekaguliwa',
    broken: 'Kumbukumbu za ukaguzi zimeharibika: {{problem}}',
    brokenAt: 'Kumbukumbu za ukaguzi zimeharibika kwenye safu #{{row}}: {{problem}}',
  },
}
