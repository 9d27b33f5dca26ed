/** Parts several desks share (renderer/src/ui): status badges, print outcomes, PIN confirmation, catch-up. */
export const ui = {
  status: {
    registered: 'At the agency',
    arrived: 'Ready on shelf',
    collected: 'Collected',
    returned: 'Returned to agency',
    cancelled: 'Cancelled',
  },
  print: {
    printCopy: 'Print a copy',
    printAgain: 'Print again',
    didNotPrint: 'Did not print',
    failedTitle: 'The receipt did not print',
    saved: 'The application is saved.',
    willSayCopy: 'Part of it may have come out, so the new receipt will say COPY.',
    printed: 'Printed',
    copy: 'Copy',
    previewOnly: 'No printer set up: show or save this receipt',
    printing: 'Printing…',
  },
  sms: {
    delivered: { label: 'SMS delivered', hint: 'The gateway reported the ready SMS delivered.' },
    failed: { label: 'SMS failed', hint: 'The gateway could not deliver the ready SMS.' },
    'invalid-number': {
      label: 'SMS: invalid number',
      hint: 'The phone number was refused: correct it with the customer.',
    },
    sent: { label: 'SMS sent', hint: 'Sent; no delivery report from the gateway yet.' },
    scheduled: { label: 'SMS due', hint: 'The ready SMS goes out after the grace period.' },
    none: { label: 'No SMS', hint: 'No ready SMS (no consent, or not sent).' },
  },
  catchUp: {
    failedTitle: 'The catch-up stopped',
    failedAfter:
      'This PC is enrolled: what is missing comes down by itself within a few minutes once the central API answers, or press Sync now.',
    eventsOf: '{{read}} of {{total}} centre events',
    events: '{{read}} centre events',
    ready: 'Ready to work: {{events}} brought down.',
    running: 'Bringing down the centre’s data: {{step}} ({{percent}}%)',
    label: 'Catch-up with the centre',
    bar: 'Catch-up {{percent}}%',
  },
  choose: {
    label: 'Choose the application for {{code}}',
    title_one: '{{count}} application has reference <code>{{code}}</code>: which one is this?',
    title_other: '{{count}} applications have reference <code>{{code}}</code>: which one is this?',
    onSlot: 'on {{slot}}',
    pick: 'This one',
    pickLabel: 'This one: {{trackingNumber}}',
  },
  confirmPin: {
    typePin: 'Type your PIN (4 to 8 digits).',
    description:
      'This lets customers’ personal data leave the app. Type your PIN to confirm; it is recorded in the audit log.',
    pin: 'Your PIN',
    cancel: 'Cancel (Esc)',
    confirm: 'Confirm (Enter)',
  },
  api: {
    offline: 'Cannot reach the Track My Service host on this computer. Is it still running?',
    unknownMethod: 'Unknown method {{method}}',
  },
} as const
