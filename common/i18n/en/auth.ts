/** The sign-in, lock and new-PIN screens. */
export const auth = {
  signIn: {
    centreFallback: 'Huduma Centre',
    where: 'Centre {{centre}} · Workstation {{slot}}',
    catchingUp:
      'Sign in with the staff number and PIN you use on the centre’s other PCs: the staff list comes down first.',
    lockedTitle: 'Account locked',
    failedTitle: 'Not signed in',
    staffNumber: 'Staff number',
    pin: 'PIN',
    submit: 'Sign in',
  },
  lock: {
    title: 'Workstation locked',
    who: '{{name}} · {{role}} ({{staffNumber}})',
    pin: 'PIN',
    unlock: 'Unlock',
    signOut: 'Sign out',
  },
  newPin: {
    title: 'Set a new PIN',
    why: "{{name}}, a {{role}}'s PIN now has at least {{digits}} digits: it opens staff records, exports and customers' personal data. Choose a new one to go on.",
    signOut: 'Sign out',
  },
} as const
