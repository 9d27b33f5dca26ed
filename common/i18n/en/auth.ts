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
} as const
