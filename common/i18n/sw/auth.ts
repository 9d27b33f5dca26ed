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
}
