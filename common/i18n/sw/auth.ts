import type { Messages } from '../languages'

export const auth: Messages['auth'] = {
  signIn: {
    centreFallback: 'Kituo cha Huduma',
    where: 'Kituo {{centre}} · Kompyuta {{slot}}',
    catchingUp:
      'Ingia kwa nambari ya mfanyakazi na PIN unazotumia kwenye kompyuta nyingine za kituo: orodha ya wafanyakazi inaletwa kwanza.',
    lockedTitle: 'Akaunti imefungwa',
    failedTitle: 'Hujaingia',
    staffNumber: 'Nambari ya mfanyakazi',
    pin: 'PIN',
    submit: 'Ingia',
  },
  lock: {
    title: 'Kompyuta imefungwa',
    who: '{{name}} · {{role}} ({{staffNumber}})',
    pin: 'PIN',
    unlock: 'Fungua',
    signOut: 'Toka',
  },
  newPin: {
    title: 'Weka PIN mpya',
    why: '{{name}}, PIN ya {{role}} sasa ina angalau tarakimu {{digits}}: inafungua rekodi za wafanyakazi, data zinazotolewa nje na data binafsi za wateja. Chagua PIN mpya ili kuendelea.',
    signOut: 'Toka',
  },
}
