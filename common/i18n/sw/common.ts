import type { Messages } from '../languages'

export const common: Messages['common'] = {
  appName: 'Track My Service',
  close: 'Funga',
  language: {
    label: 'Lugha',
  },
  largeType: {
    on: 'Maandishi makubwa',
    off: 'Maandishi ya kawaida',
  },
  role: {
    clerk: 'Karani wa dirisha',
    desk: 'Dawati la uchukuaji',
    manager: 'Meneja wa kituo',
    admin: 'Msimamizi',
  },
  readyIn: {
    sameDay: 'tayari siku hiyo hiyo',
    days_one: 'tayari baada ya siku {{count}} ya kazi',
    days_other: 'tayari baada ya siku {{count}} za kazi',
  },
}
