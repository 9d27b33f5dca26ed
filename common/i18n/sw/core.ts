import type { Messages } from '../languages'

/**
 * The core's error messages in Kiswahili (the English, and why they are matched by it: common/i18n/en/core.ts).
 * A value put in ({{status}}, {{role}}, {{reason}}) may be a word of its own, so the sentences are worded so that
 * nothing has to agree with it.
 */
export const core: Messages['core'] = {
  session: {
    signInFirst: 'Ingia kwanza.',
    notSignedIn: 'Hujaingia. Ingia kwa nambari yako ya mfanyakazi na PIN.',
    locked: 'Kompyuta hii imefungwa. Weka PIN yako ili kuifungua.',
    newPinFirst: 'Weka PIN mpya kwanza: PIN ya {{role}} sasa ina angalau tarakimu {{min}}.',
    notAllowed: 'Hairuhusiwi kwa {{role}}: {{action}}.',
    unknownMethod: 'Hakuna njia ya API inayoitwa "{{method}}".',
    internal: 'Hitilafu imetokea kwenye kompyuta hii; hakuna kilichohifadhiwa. Tafadhali jaribu tena.',
    diskFull:
      'Diski imejaa: hakuna kilichohifadhiwa. Futa baadhi ya faili ili kupata nafasi, kisha ujaribu tena.',
    catchingUp:
      'Kompyuta hii bado inaleta data ya kituo: hiki kitapatikana uletaji wa data ukikamilika (Mipangilio → Usawazishaji inaonyesha umefikia wapi). Hakuna kilichohifadhiwa.',
    buildingIndexes:
      'Kompyuta hii inajenga faharasa zake baada ya kuleta data ya kituo: hakuna kilichohifadhiwa. Jaribu tena baada ya sekunde chache.',
    ioError:
      'Diski haikuweza kuandikwa (hitilafu ya I/O): hakuna kilichohifadhiwa. Jaribu tena; ikijirudia, piga simu kwa TEHAMA.',
  },
  auth: {
    wrongPin: 'Nambari ya mfanyakazi au PIN si sahihi.',
    wrongPinTryLeft:
      'Nambari ya mfanyakazi au PIN si sahihi. Limebaki jaribio {{left}} kabla akaunti haijafungwa.',
    wrongPinTriesLeft:
      'Nambari ya mfanyakazi au PIN si sahihi. Yamebaki majaribio {{left}} kabla akaunti haijafungwa.',
    lockedUntil:
      'PIN zisizo sahihi zimekuwa nyingi mno: akaunti hii imefungwa hadi {{time}}. Msimamizi anaweza kuweka PIN upya.',
    lockedNow:
      'PIN zisizo sahihi {{count}}: akaunti hii imefungwa hadi {{time}}. Msimamizi anaweza kuweka PIN upya.',
    deactivated: 'Akaunti hii ya mfanyakazi imezimwa. Muulize msimamizi.',
  },
  roles: {
    clerk: 'karani wa dirisha',
    desk: 'dawati la uchukuaji',
    manager: 'meneja wa kituo',
    admin: 'msimamizi',
  },
  status: {
    registered: 'imesajiliwa',
    arrived: 'imefika',
    collected: 'imechukuliwa',
    returned: 'imerudishwa',
    cancelled: 'imeghairiwa',
    confirmed: 'imethibitishwa',
    notArrived: 'bado haijafika (inatarajiwa kuanzia {{date}})',
    alreadyCollected: 'tayari imechukuliwa',
    markedMissing: 'imewekwa alama kwamba haipo kwenye rafu {{slot}}',
  },
  setup: {
    setUpFirst: 'Andaa kompyuta hii kwanza.',
    alreadySetUp: 'Kompyuta hii tayari imeandaliwa.',
    damagedDatabase:
      'Hifadhidata ya awali ya kompyuta hii iliharibika na ikawekwa kando ({{files}}), na hakuna nakala rudufu iliyoweza kuichukua nafasi. Kuandaa upya kungeweza kutoa nambari za ufuatiliaji ambazo tayari zilitolewa. Mwombe afisa wa TEHAMA aiokoe, au aiondoe kwenye folda ya data baada ya nambari hizo kuhesabiwa; kisha uandae.',
    settingsFileRefused: 'Faili ya mipangilio haikutumika: {{problem}}. Hakuna kilichobadilishwa.',
    settingsFileRefusedAt:
      'Faili ya mipangilio haikutumika: {{problem}} ({{where}}). Hakuna kilichobadilishwa.',
  },
  staff: {
    noStaff: 'Hakuna mfanyakazi mwenye nambari {{staffNumber}}.',
    numberInUse: 'Nambari ya mfanyakazi {{staffNumber}} tayari inatumika.',
    keepAdmin: 'Kituo lazima kibaki na angalau msimamizi mmoja aliyewezeshwa.',
    roleNeedsPin: '{{rule}} Weka PIN mpya ya {{name}} katika badiliko hilohilo.',
  },
  counter: {
    noApplicationHere: 'Hakuna maombi {{trackingNumber}} kwenye kompyuta hii.',
    notOffered: '{{service}}: huduma hii haitolewi kwa sasa.',
    needsId: '{{service}}: huduma hii inahitaji nambari ya kitambulisho cha mteja.',
    agencyRefHintExample: 'Rejea ya wakala ya {{service}}: {{hint}}, kwa mfano {{example}}.',
    agencyRefHint: 'Rejea ya wakala ya {{service}}: {{hint}}.',
    agencyRefFormatExample: 'Rejea ya wakala ya {{service}} ina muundo tofauti, kwa mfano {{example}}.',
    agencyRefFormat: 'Rejea ya wakala ya {{service}} ina muundo tofauti.',
    serviceFromList: 'Chagua huduma kutoka kwenye orodha.',
    duplicate:
      'Nambari hii ya kitambulisho tayari ina maombi ya {{service}} ambayo bado yako wazi: {{trackingNumber}}, yaliyosajiliwa {{date}} ({{status}}). Sajili mengine ikiwa tu mteja kweli anahitaji ya pili.',
    outOfNumbers:
      'Kompyuta hii imetumia nambari zake zote za ufuatiliaji. Msimamizi lazima aipe nafasi mpya ya kompyuta.',
    noPrintJob: 'Hakuna kazi ya kuchapisha {{jobId}}.',
    retryFailedOnly: 'Ni uchapishaji ulioshindwa tu unaoweza kujaribiwa tena.',
    printedSince:
      'Stakabadhi hii imechapishwa tangu hapo. Tumia Chapisha upya, pamoja na sababu, kupata nakala nyingine.',
    alreadyReprinting: 'Stakabadhi hii tayari inachapishwa tena.',
    invalidPrinter: 'Mipangilio ya printa si sahihi',
    invalidScanner: 'Mipangilio ya skana si sahihi',
  },
  scannerPort: {
    notWindowsName:
      '"{{path}}" si jina la mlango wa serial kwenye Windows: ni COM na nambari, kwa mfano COM4 (angalia Device Manager → Ports).',
    windowsName:
      '{{path}} ni jina la mlango wa Windows. Kwenye kompyuta hii mlango wa serial ni njia kama /dev/ttyACM0 au /dev/serial/by-id/…',
    fullPathSuch: 'Andika njia kamili ya mlango wa skana, kama /dev/{{name}}.',
    fullPath: 'Andika njia kamili ya mlango wa skana, kwa mfano /dev/ttyACM0.',
    noSuchPath:
      'Hakuna {{path}} kwenye kompyuta hii. Chomeka skana kisha uchague mlango wake kwenye orodha, au kagua njia.',
    notDevice: '{{path}} si mlango wa serial (si kifaa). Chagua mlango wa skana kwenye orodha.',
  },
  printer: {
    ready: 'Printa iko tayari.',
    coverOpen: 'Kifuniko cha printa kiko wazi. Kifunge ili kuchapisha.',
    paperOut: 'Karatasi ya printa imekwisha. Weka roli mpya.',
    paperLow: 'Roli ya karatasi inakaribia kwisha. Andaa roli mpya.',
    error:
      'Printa inaripoti hitilafu (kwa mfano karatasi imekwama au kikata kina tatizo). Izime kisha uiwashe tena.',
    feeding: 'Printa inatoa karatasi (kitufe cha kutoa karatasi kimebonyezwa).',
    offline: 'Printa haiko mtandaoni. Angalia taa zake, kisha uizime na kuiwasha tena.',
    noAnswer: 'Printa haikuripoti hali yake.',
    unexpectedAnswer: 'Printa ilitoa jibu la hali lisilotarajiwa ({{bytes}}).',
    deviceThere: 'Kifaa cha printa {{path}} kipo; muunganisho huu hauwezi kuripoti karatasi wala kifuniko.',
    noPrinter: 'Hakuna printa iliyowekwa: stakabadhi zinaonekana kwenye skrini.',
    refused: 'Printa iliyo {{where}} ilikataa muunganisho. Je, imewashwa na iko kwenye mtandao?',
    hungUp:
      'Printa iliyo {{where}} ilifunga muunganisho kabla ya kuchapisha. Huenda inashughulikia kazi ya kompyuta nyingine — jaribu tena baada ya muda mfupi.',
    connectTimeout: 'Printa haikujibu ndani ya {{time}}.',
    writeTimeout:
      'Printa iliacha kupokea stakabadhi kwa {{time}}; huenda haijakamilika — kagua printa, kisha uchapishe nakala.',
    dropped:
      'Muunganisho na printa ulikatika wakati wa kuchapisha; huenda stakabadhi haijakamilika — chapisha nakala.',
    hostNotFound:
      'Jina la printa "{{host}}" halijulikani kwenye mtandao huu. Tumia anwani ya IP ya printa badala yake, kwa mfano 192.168.1.50.',
    pathNotFound:
      'Hakuna printa iliyopatikana kwenye {{path}}. Hakikisha printa imechomekwa na kuwashwa, na ukague mpangilio wa printa.',
    unreachable:
      'Printa iliyo {{where}} haifikiki. Kagua kebo ya mtandao na kwamba kompyuta hii iko kwenye mtandao uleule.',
    coverOpenPrintAgain: 'Kifuniko cha printa kiko wazi. Kifunge kisha uchapishe tena.',
    paperOutPrintAgain: 'Karatasi ya printa imekwisha. Weka roli mpya kisha uchapishe tena.',
    notSent: 'Stakabadhi haikuweza kutumwa kwa printa: {{reason}}',
    serialOpens: 'Mlango wa serial {{path}} unafunguka; ukaguzi wa hali umezimwa.',
    networkAnswers: 'Printa iliyo {{where}} inajibu kwenye mtandao; ukaguzi wa hali umezimwa.',
    notChecked: 'Bado haijakaguliwa',
    printedOn: 'Imechapishwa kwenye {{printer}}',
    slipFailed: 'Karatasi ya rafu haikuchapishwa: {{reason}}',
    screenOnly:
      'Skrini tu: stakabadhi zinaonekana kwenye skrini (msimamizi huongeza printa kwenye Mipangilio → Printa)',
  },
  scanner: {
    notStarted: 'Skana iliyo kwenye {{path}} haijaanzishwa.',
    stopped: 'Skana iliyo kwenye {{path}} imesimamishwa.',
    connected: 'Skana imeunganishwa kwenye {{path}} kwa kasi ya baud {{baud}}.',
    unplugged: 'Skana iliyo kwenye {{path}} ilichomolewa au kuzimwa. Ichomeke tena; itajiunganisha yenyewe.',
    turnedOff:
      'Skana ya serial imezimwa kwenye mipangilio. Skana za aina ya kibodi (USB) bado zinafanya kazi kwenye sehemu ya kuchanganua.',
    notFound:
      'Hakuna skana iliyopatikana kwenye {{path}}. Chomeka skana, au kagua mlango kwenye mipangilio ya skana; itajiunganisha yenyewe.',
    noPermission:
      'Mlango wa skana {{path}} hauwezi kufunguliwa: huenda programu nyingine inautumia, au mtumiaji wa kompyuta hii hana ruhusa ya kuutumia (kwenye Linux, mwongeze mtumiaji kwenye kikundi "dialout"). Inajaribu tena.',
    busy: 'Mlango wa skana {{path}} unatumiwa na programu nyingine. Funga programu hiyo; skana itajiunganisha yenyewe.',
    openTimeout:
      'Mlango wa skana {{path}} haukufunguka ndani ya sekunde {{seconds}}. Chomoa skana kisha uichomeke tena.',
    cannotOpen: 'Mlango wa skana {{path}} hauwezi kufunguliwa: {{reason}}. Inajaribu tena.',
    none: 'Hakuna skana ya serial iliyowekwa: kuchanganua kwa kibodi kunafanya kazi',
  },
  link: {
    notConnected: 'API kuu haijaunganishwa: matukio yanasubiri kwenye foleni ya kutumwa',
    refused: 'API kuu iliikataa kompyuta hii: msimamizi lazima aisajili tena (hakuna kinachopotea)',
    offline: 'Nje ya mtandao; matukio yanasubiri kwenye foleni ya kutumwa',
    offlineBecause: 'Nje ya mtandao: {{reason}}; matukio yanasubiri kwenye foleni ya kutumwa',
    connected: 'Imeunganishwa na API kuu',
    staffStale:
      'Orodha ya wafanyakazi haijasomwa kutoka API kuu kwa muda: badiliko lililofanywa kwenye kompyuta nyingine (akaunti kuzimwa, PIN mpya) huenda bado halijafika hapa',
    staffFresh: 'Orodha ya wafanyakazi iko sawa na ya API kuu',
  },
  disk: {
    free: 'Nafasi iliyo wazi kwenye diski ya data: {{space}}',
    low: 'Nafasi ya diski ni ndogo: {{space}} wazi kwenye diski ya data. Futa baadhi ya faili hivi karibuni: diski ikijaa hakuna kitakachoweza kuhifadhiwa.',
    lowBackup:
      'Nafasi ya diski ni ndogo: {{space}} wazi kwenye diski ya data. Futa baadhi ya faili hivi karibuni: diski ikijaa hakuna kitakachoweza kuhifadhiwa. Nakala rudufu ya leo iliachwa: inahitaji {{needed}} wazi.',
    unknown: 'Nafasi iliyo wazi haijulikani ({{reason}})',
  },
  catalogue: {
    noService: 'Hakuna huduma yenye msimbo {{code}}.',
    invalidService: 'Huduma si sahihi',
  },
  arrivals: {
    noBatch: 'Hakuna shehena {{batch}}.',
    batchClosedOpenNew: 'Shehena {{batch}} imefungwa: fungua shehena mpya.',
    batchAlreadyClosed: 'Shehena {{batch}} tayari imefungwa.',
    changedScanAgain: '{{trackingNumber}} imebadilika wakati huohuo: ichanganue tena.',
    noScan: 'Hakuna uchanganuzi usiolingana {{scan}}.',
    scanResolved: 'Uchanganuzi huu tayari umeshughulikiwa.',
    noApplication: 'Hakuna maombi {{trackingNumber}}.',
    alreadyStatus: '{{trackingNumber}}: tayari {{status}}.',
  },
  scan: {
    alreadyOn: 'Tayari iko kwenye {{slot}}',
    theShelf: 'rafu',
    alreadyOnShelf: 'Tayari iko kwenye rafu',
    alreadyCollected: 'Tayari imechukuliwa',
    returnedOrCancelled: 'Imerudishwa / imeghairiwa',
    returnedToAgency: 'Imerudishwa kwa wakala',
    cancelled: 'Imeghairiwa',
    unknownCode: 'Msimbo usiojulikana',
    checkTheCode: 'Kagua msimbo',
    checkDigitWrong: 'Tarakimu ya ukaguzi si sahihi',
    notADocument: 'Si hati',
    chooseApplication: 'Chagua maombi',
    choose: 'Maombi {{count}} yana rejea ya wakala {{ref}}: chagua hapa chini hati hii ni ya maombi yapi.',
    shelfLabel: 'Hiyo ni lebo ya rafu: changanua lebo ya hati.',
    manifestCode: 'Huo ni msimbo wa orodha ya shehena: changanua lebo ya hati.',
    keptUnmatched: '{{reason}} Imewekwa kwenye orodha ya misimbo isiyolingana ili ishughulikiwe.',
    noAgencyRef:
      'Hakuna maombi kwenye kompyuta hii yenye nambari ya ufuatiliaji au rejea ya wakala {{ref}}: imewekwa kwenye orodha ya misimbo isiyolingana ili ishughulikiwe.',
    notRegistered:
      '{{code}} haijasajiliwa kwenye kompyuta hii: imewekwa kwenye orodha ya misimbo isiyolingana ili ishughulikiwe.',
    unknownQuoted:
      'Msimbo usiojulikana "{{code}}": si nambari ya ufuatiliaji, rejea ya wakala, lebo ya rafu wala orodha ya shehena.',
    rescan: '{{trackingNumber}} tayari iko kwenye rafu {{slot}}. Kuchanganua tena si kufika mara ya pili.',
    rescanSince:
      '{{trackingNumber}} tayari iko kwenye rafu {{slot}} tangu {{time}}. Kuchanganua tena si kufika mara ya pili.',
    rescanBy:
      '{{trackingNumber}} tayari iko kwenye rafu {{slot}} (na {{staff}}). Kuchanganua tena si kufika mara ya pili.',
    rescanSinceBy:
      '{{trackingNumber}} tayari iko kwenye rafu {{slot}} tangu {{time}} (na {{staff}}). Kuchanganua tena si kufika mara ya pili.',
    collected: '{{trackingNumber}} ilichukuliwa. Weka hati hii kando na umjulishe meneja.',
    collectedOn: '{{trackingNumber}} ilichukuliwa tarehe {{date}}. Weka hati hii kando na umjulishe meneja.',
    notCollectable: '{{trackingNumber}}: {{status}}. Weka hati hii kando na umjulishe meneja.',
  },
  collection: {
    idEnds: 'kinaishia na {{digits}}',
    notOnShelf: '{{trackingNumber}} haiko kwenye rafu ({{status}}).',
    nothingFound: 'Hakuna kilichopatikana kwa "{{text}}".',
    cannotHandOver: '{{trackingNumber}} haiwezi kukabidhiwa: {{reason}}.',
    markedMissing:
      '{{trackingNumber}} imewekwa alama kwamba haipo: itafute kwenye rafu na uondoe alama hiyo kwanza.',
    idMismatch:
      'Nambari ya kitambulisho hailingani na {{trackingNumber}} (kitambulisho kilichosajiliwa kina tarakimu {{digits}}, kinaishia {{last}}). Kagua kitambulisho, au rekodi mwakilishi.',
    changedLookAgain: '{{trackingNumber}} imebadilika wakati huohuo: itafute tena.',
    centralUnknown: 'Huduma kuu ya ufuatiliaji nayo haiijui nambari hii.',
    otherCentre:
      'Imesajiliwa katika Kituo cha Huduma {{centre}} ({{status}}), si katika kituo hiki: iweke kando kwa ajili ya kituo hicho.',
    notHereYet:
      'Imesajiliwa katika kituo hiki kwenye kompyuta nyingine ({{status}}); taarifa zake bado hazijafika kwenye kompyuta hii. Jaribu tena baada ya dakika moja.',
  },
  manager: {
    noTrackingNumber: 'Hakuna maombi yenye nambari hiyo ya ufuatiliaji.',
    noLongerOnShelf: 'Hati hiyo haiko tena kwenye rafu ({{status}}).',
    noAgencyService: 'Hakuna huduma ya orodha inayotolewa na {{agency}}.',
    pageCursor:
      'Kiashiria hiki cha ukurasa hakikutengenezwa na programu hii. Anza tena kutoka ukurasa wa kwanza.',
    signedOff: 'Ripoti hii tayari iliidhinishwa na {{name}} tarehe {{date}}.',
    campaignBusy: 'Kampeni nyingine inaandaliwa kwenye kompyuta hii: jaribu tena baada ya muda mfupi.',
    noOneToRemind: 'Hakuna wa kukumbushwa kwa machaguo haya: hakuna kilichotumwa.',
  },
  returns: {
    noManifest: 'Hakuna orodha ya kurudisha {{manifest}}.',
    notOpen: 'Orodha {{manifest}} haiko wazi tena.',
    belongsTo: '{{trackingNumber}} ni ya {{agency}}, si ya {{other}}.',
    stillCollectable: '{{trackingNumber}} bado inaweza kuchukuliwa hadi {{date}}.',
    reminded:
      '{{trackingNumber}} ilikumbushwa tarehe {{date}}: mteja aliahidiwa siku {{days}} zaidi za kuichukua.',
    onOpenManifest: '{{trackingNumber}} tayari iko kwenye orodha ya kurudisha iliyo wazi.',
    alreadyStatus: 'Orodha {{manifest}}: tayari {{status}}.',
    confirming: 'Orodha {{manifest}} inathibitishwa.',
    confirmingNoCancel: 'Orodha {{manifest}} inathibitishwa: haiwezi kughairiwa tena.',
  },
  sync: {
    noRejected: 'Hakuna tukio lililokataliwa {{seq}}.',
    unreachable: 'Haiwezekani kufikia API kuu katika {{url}}: {{reason}}',
    codeRefused: 'Msimbo wa usajili ulikataliwa (si sahihi au tayari umetumika).',
    slotTaken:
      'Nafasi ya kompyuta {{slot}} tayari inashikiliwa na kompyuta nyingine ya kituo hiki, kwa hivyo kompyuta hii haikusajiliwa na hakuna kilichobadilishwa. Kompyuta mbili kwenye nafasi moja zingetoa nambari zilezile za ufuatiliaji. Ama andaa kompyuta hii upya kwa nafasi ambayo hakuna kompyuta nyingine inayoitumia, au, ikiwa kompyuta hii inachukua nafasi ya ile iliyo kwenye nafasi hiyo, mwombe afisa wa TEHAMA aachilie nafasi ya kompyuta ya zamani kwenye huduma kuu, kisha usajili tena kwa msimbo mpya.',
    answered: 'API kuu ilijibu {{status}} kwa usajili.',
    unreadable: 'API kuu ilituma jibu la usajili ambalo hatuwezi kulisoma.',
    otherCentre: 'API kuu ilisajili kompyuta hii chini ya kituo au nafasi tofauti: hakuna kilichobadilishwa.',
    certificate:
      'Cheti cha huduma kuu si halali ({{fault}}): hakuna kilichotumwa. Mwombe afisa wa TEHAMA akague anwani na cheti.',
    faults: {
      expired: 'muda wake umekwisha',
      notYetValid: 'bado hakijaanza kutumika',
      selfSigned: 'kimejisaini chenyewe',
      untrusted: 'kimesainiwa na mamlaka ambayo kompyuta hii haiiamini',
      unknownAuthority: 'kimesainiwa na mamlaka ambayo kompyuta hii haiijui',
      otherAddress: 'kilitolewa kwa anwani nyingine',
      revoked: 'kimebatilishwa',
      badSignature: 'sahihi yake haithibitiki',
    },
  },
  updates: {
    notDesktop:
      'Dirisha hili si programu ya kompyuta: masasisho husakinishwa na programu ya kompyuta kwenye kila kompyuta.',
    devRun: 'Huu ni uendeshaji wa majaribio ya uundaji: programu iliyosakinishwa pekee ndiyo hujisasisha.',
    noServer:
      'Hakuna seva ya masasisho iliyowekwa: toleo hili halina, na kituo hakijatoa (Mipangilio → Kompyuta).',
    cannotVerify: 'Masasisho hayawezi kuthibitishwa: {{problem}}.',
    refused: 'Sasisho {{version}} limekataliwa na halijasakinishwa: {{problem}}',
    checkFailed: 'Ukaguzi wa sasisho umeshindikana: {{problem}}',
    downloadFailed: 'Upakuaji wa sasisho umeshindikana: {{problem}}',
  },
  transfer: {
    passphraseMin: 'Nenosiri lina angalau herufi {{min}}.',
    damaged: 'Hii si faili ya uhamisho ambayo programu hii inaweza kufungua (imeharibika au haijakamilika).',
    locked: 'Faili hii ya uhamisho imefungwa: andika nenosiri lililotumika kuihifadhi.',
    wrongPassphrase:
      'Nenosiri hili halifungui faili hii ya uhamisho, au faili ilibadilishwa. Hakuna kilichotumwa.',
    lineNotJson: 'mstari {{line}}: si JSON halali',
    lineProblem: 'mstari {{line}}: {{problem}}',
    lineDuplicate: 'mstari {{line}}: tukio {{event}} tayari liko kwenye mstari {{earlier}}',
    notAnEvent: 'si tukio',
  },
}
