import type { Messages } from '../languages'

export const setup: Messages['setup'] = {
  title: 'Andaa kompyuta hii',
  subtitle: 'Mara ya kwanza: wafanyakazi na mipangilio vinaweza kubadilishwa baadaye.',
  way: 'Namna ya kuweka mipangilio',
  newCentre: 'Kituo kipya',
  joinCentre: 'Jiunge na kituo chake',
  fields: {
    centreNumber: 'Nambari ya kituo',
    workstationSlot: 'Nafasi ya kompyuta',
  },
  create: {
    failedTitle: 'Uwekaji wa mipangilio haukukamilika',
    centre: 'Kituo',
    centreName: 'Jina la kituo',
    centreNamePlaceholder: 'Kituo cha Huduma GPO',
    centreHint: 'Tarakimu 3, kutoka makao makuu',
    slotHint: 'Tarakimu 2, ya kipekee kituoni; haibadiliki ikishawekwa',
    admin: 'Msimamizi wa kwanza',
    staffNumber: 'Nambari ya mfanyakazi',
    fullName: 'Jina kamili',
    pin: 'PIN',
    repeatPin: 'Rudia PIN',
    pinMismatch: 'PIN hizo mbili hazifanani',
    submit: 'Unda kituo na uingie',
  },
  join: {
    failedTitle: 'Kompyuta hii haikujiunga na kituo',
    intro:
      'Kwa kompyuta ya kituo ambacho kompyuta zake nyingine tayari zinafanya kazi. Wafanyakazi huingia kwa nambari za mfanyakazi na PIN wanazotumia kwenye kompyuta nyingine, baada ya orodha ya wafanyakazi kuletwa.',
    central: 'Huduma kuu ya ufuatiliaji',
    apiUrl: 'Anwani ya API kuu',
    code: 'Msimbo wa usajili',
    codeHint: 'Msimbo wa kutumia mara moja kutoka makao makuu',
    workstation: 'Kompyuta hii',
    centreHint: 'Tarakimu 3, kama kwenye kompyuta nyingine',
    slotHint: 'Tarakimu 2 ambazo hakuna kompyuta nyingine ya kituo inazotumia; haibadiliki ikishawekwa',
    submit: 'Jiunge na kituo',
  },
}
