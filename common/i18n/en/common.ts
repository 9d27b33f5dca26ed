/** Words every screen uses. */
export const common = {
  appName: 'Track My Service',
  close: 'Close',
  language: {
    label: 'Language',
  },
  largeType: {
    on: 'Large text',
    off: 'Normal text',
  },
  role: {
    clerk: 'Counter clerk',
    desk: 'Collection desk',
    manager: 'Centre manager',
    admin: 'Administrator',
  },
  readyIn: {
    sameDay: 'ready the same day',
    days_one: 'ready in {{count}} working day',
    days_other: 'ready in {{count}} working days',
  },
} as const
