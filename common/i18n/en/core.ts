/**
 * The core's own error messages for people (main/: each `new AppError(code, …)`, the dispatcher's answers, and the
 * messages the services pass on from the sync and transfer-file code), exactly as the core writes them, under a
 * short key by area. The core keeps its English (the wire, the log and the audit say what the core said); the
 * renderer finds a message here by its text, as it does the contract's (common/i18n/contract-messages.ts).
 * `{{…}}` stands for a value the core puts in. A value that is itself a word the core writes (a status, a role, a
 * reason) is an entry of its own, so it is translated too. `test/unit/core-messages.test.ts` keeps this file and
 * main/ in step.
 */
export const core = {
  session: {
    signInFirst: 'Sign in first.',
    notSignedIn: 'You are not signed in. Sign in with your staff number and PIN.',
    locked: 'This workstation is locked. Enter your PIN to unlock it.',
    newPinFirst: "Set a new PIN first: a {{role}}'s PIN now has at least {{min}} digits.",
    notAllowed: 'Not allowed for {{role}}: {{action}}.',
    unknownMethod: 'There is no API method called "{{method}}".',
    internal: 'Something went wrong on this workstation; nothing was saved. Please try again.',
    diskFull: 'The disk is full: nothing was saved. Free space and try again.',
    catchingUp:
      'This PC is still catching up with the centre: this is ready when the catch-up ends (Settings → Sync shows how far it is). Nothing was saved.',
    buildingIndexes:
      'This PC is busy building its indexes after catching up with the centre: nothing was saved. Try again in a few seconds.',
    ioError:
      'The disk could not be written (I/O error): nothing was saved. Try again; if it repeats, call IT.',
  },
  auth: {
    wrongPin: 'Wrong staff number or PIN.',
    // Two entries, not i18next plurals: the core writes the two English forms itself (`left === 1 ? 'try' : …`).
    wrongPinTryLeft: 'Wrong staff number or PIN. {{left}} try left before the account locks.',
    wrongPinTriesLeft: 'Wrong staff number or PIN. {{left}} tries left before the account locks.',
    lockedUntil:
      'Too many wrong PINs: this account is locked until {{time}}. An administrator can reset the PIN.',
    lockedNow:
      '{{count}} wrong PINs: this account is locked until {{time}}. An administrator can reset the PIN.',
    deactivated: 'This staff account is deactivated. Ask an administrator.',
  },
  roles: {
    clerk: 'counter clerk',
    desk: 'collection desk',
    manager: 'centre manager',
    admin: 'administrator',
  },
  status: {
    registered: 'registered',
    arrived: 'arrived',
    collected: 'collected',
    returned: 'returned',
    cancelled: 'cancelled',
    confirmed: 'confirmed',
    notArrived: 'not arrived yet (expected from {{date}})',
    alreadyCollected: 'already collected',
    markedMissing: 'marked missing from shelf {{slot}}',
  },
  setup: {
    setUpFirst: 'Set up this workstation first.',
    alreadySetUp: 'This workstation is already set up.',
    damagedDatabase:
      "This PC's earlier database was damaged and moved aside ({{files}}), and no backup could replace it. Setting up afresh could issue tracking numbers it already gave out. Ask the IT officer to recover it, or to move it out of the data folder once the numbers are accounted for; then set up.",
    settingsFileRefused: 'The settings file was not applied: {{problem}}. Nothing was changed.',
    settingsFileRefusedAt: 'The settings file was not applied: {{problem}} ({{where}}). Nothing was changed.',
  },
  staff: {
    noStaff: 'No staff member with number {{staffNumber}}.',
    numberInUse: 'Staff number {{staffNumber}} is already in use.',
    keepAdmin: 'The centre must keep at least one active administrator.',
    roleNeedsPin: '{{rule}} Set a new PIN for {{name}} in the same change.',
  },
  counter: {
    noApplicationHere: 'No application {{trackingNumber}} on this workstation.',
    notOffered: '{{service}} is not offered at the moment.',
    needsId: '{{service}} needs the customer’s ID number.',
    agencyRefHintExample: 'The agency reference for {{service}} is {{hint}}, e.g. {{example}}.',
    agencyRefHint: 'The agency reference for {{service}} is {{hint}}.',
    agencyRefFormatExample: 'The agency reference for {{service}} has a different format, e.g. {{example}}.',
    agencyRefFormat: 'The agency reference for {{service}} has a different format.',
    serviceFromList: 'Choose a service from the list.',
    duplicate:
      'This ID number already has an open {{service}} application: {{trackingNumber}}, registered {{date}} ({{status}}). Register another only if the customer really needs a second one.',
    outOfNumbers:
      'This workstation has used all its tracking numbers. An administrator must give it a new workstation slot.',
    noPrintJob: 'No print job {{jobId}}.',
    retryFailedOnly: 'Only a failed print can be retried.',
    printedSince: 'This receipt has been printed since. Use Reprint, with a reason, for another copy.',
    alreadyReprinting: 'This receipt is already being printed again.',
    invalidPrinter: 'Invalid printer settings',
    invalidScanner: 'Invalid scanner settings',
  },
  // main/devices/scanner/port-list.ts scannerPortProblem: a typed scanner port that cannot be this PC's.
  scannerPort: {
    notWindowsName:
      '"{{path}}" is not a serial port name on Windows: it is COM and a number, e.g. COM4 (see Device Manager → Ports).',
    windowsName:
      '{{path}} is a Windows port name. On this computer a serial port is a path such as /dev/ttyACM0 or /dev/serial/by-id/…',
    fullPathSuch: "Enter the full path of the scanner's port such as /dev/{{name}}.",
    fullPath: "Enter the full path of the scanner's port, e.g. /dev/ttyACM0.",
    noSuchPath:
      'There is no {{path}} on this computer. Plug the scanner in and choose its port from the list, or check the path.',
    notDevice: "{{path}} is not a serial port (it is not a device). Choose the scanner's port from the list.",
  },
  // The devices' and the disk's status sentences (main/devices/**, status-service.ts, print-service.ts,
  // create-core.ts), shown in the status bar and the settings. A system error's own text put into them
  // ({{reason}}) is the operating system's, in English.
  printer: {
    ready: 'The printer is ready.',
    coverOpen: 'The printer cover is open. Close it to print.',
    paperOut: 'The printer is out of paper. Load a new roll.',
    paperLow: 'The paper roll is nearly finished. Have a new roll ready.',
    error:
      'The printer reports an error (for example a paper jam or a cutter fault). Switch it off and on again.',
    feeding: 'The printer is feeding paper (the feed button is pressed).',
    offline: 'The printer is offline. Check its lights and switch it off and on again.',
    noAnswer: 'The printer did not report its status.',
    unexpectedAnswer: 'The printer gave an unexpected status answer ({{bytes}}).',
    deviceThere: 'The printer device {{path}} is there; this connection cannot report paper or cover.',
    noPrinter: 'No printer set up: receipts show on screen.',
    refused: 'The printer at {{where}} refused the connection. Is it switched on and on the network?',
    hungUp:
      "The printer at {{where}} closed the connection before printing. It may be busy with another computer's job — try again in a moment.",
    connectTimeout: 'The printer did not answer within {{time}}.',
    writeTimeout:
      'The printer stopped taking the receipt for {{time}}; it may be incomplete — check the printer, then print a copy.',
    dropped:
      'The connection to the printer dropped while printing; the receipt may be incomplete — print a copy.',
    hostNotFound:
      'The printer name "{{host}}" is not known on this network. Use the printer\'s IP address instead, e.g. 192.168.1.50.',
    pathNotFound:
      'No printer found at {{path}}. Check that the printer is plugged in and switched on, and the printer setting.',
    unreachable:
      'The printer at {{where}} cannot be reached. Check the network cable and that this computer is on the same network.',
    coverOpenPrintAgain: 'The printer cover is open. Close it and print again.',
    paperOutPrintAgain: 'The printer is out of paper. Load a new roll and print again.',
    notSent: 'The receipt could not be sent to the printer: {{reason}}',
    serialOpens: 'The serial port {{path}} opens; status checks are turned off.',
    networkAnswers: 'The printer at {{where}} answers on the network; status checks are turned off.',
    notChecked: 'Not checked yet',
    printedOn: 'Printed on {{printer}}',
    slipFailed: 'Shelf slip did not print: {{reason}}',
    screenOnly:
      'Screen only: receipts show on screen (an administrator adds a printer under Settings → Printer)',
  },
  scanner: {
    notStarted: 'The scanner on {{path}} is not started.',
    stopped: 'The scanner on {{path}} is stopped.',
    connected: 'Scanner connected on {{path}} at {{baud}} baud.',
    unplugged:
      'The scanner on {{path}} was unplugged or switched off. Plug it back in; it reconnects by itself.',
    turnedOff:
      'The serial scanner is turned off in the settings. Keyboard-mode (USB) scanners still work in the scan field.',
    notFound:
      'No scanner found on {{path}}. Plug the scanner in, or check the port in the scanner settings; it connects by itself.',
    noPermission:
      'The scanner port {{path}} cannot be opened: another program may be using it, or this computer\'s user may not use it (on Linux, add the user to the "dialout" group). Retrying.',
    busy: 'The scanner port {{path}} is in use by another program. Close that program; the scanner connects by itself.',
    openTimeout:
      'The scanner port {{path}} did not open within {{seconds}} s. Unplug the scanner and plug it back in.',
    cannotOpen: 'The scanner port {{path}} cannot be opened: {{reason}}. Retrying.',
    none: 'No serial scanner set up: keyboard scanning works',
  },
  link: {
    notConnected: 'Central API not connected: events wait in the outbox',
    refused: 'The central API refused this PC: an administrator must enrol it again (nothing is lost)',
    offline: 'Offline; events wait in the outbox',
    offlineBecause: 'Offline: {{reason}}; events wait in the outbox',
    connected: 'Connected to the central API',
    staffStale:
      'The staff list has not been read from the central API for a while: a change made at another PC (a deactivation, a new PIN) may not be here yet',
    staffFresh: 'The staff list is up to date with the central API',
  },
  disk: {
    free: '{{space}} free on the data disk',
    low: 'Low disk space: {{space}} free on the data disk. Free some space soon: when the disk is full nothing can be saved.',
    lowBackup:
      "Low disk space: {{space}} free on the data disk. Free some space soon: when the disk is full nothing can be saved. Today's backup was skipped: it needs {{needed}} free.",
    unknown: 'Free space unknown ({{reason}})',
  },
  catalogue: {
    noService: 'No service with code {{code}}.',
    invalidService: 'Invalid service',
  },
  arrivals: {
    noBatch: 'No arrival batch {{batch}}.',
    batchClosedOpenNew: 'Batch {{batch}} is closed: open a new batch.',
    batchAlreadyClosed: 'Batch {{batch}} is already closed.',
    changedScanAgain: '{{trackingNumber}} changed meanwhile: scan it again.',
    noScan: 'No unmatched scan {{scan}}.',
    scanResolved: 'This scan is already resolved.',
    noApplication: 'No application {{trackingNumber}}.',
    alreadyStatus: '{{trackingNumber}} is already {{status}}.',
  },
  // The arrival scan's panel (main/services/arrival-service.ts scanClassified and describe): its headline and
  // message. A message the core builds from optional parts has an entry for each text it can make.
  scan: {
    alreadyOn: 'Already on {{slot}}',
    theShelf: 'the shelf',
    alreadyOnShelf: 'Already on shelf',
    alreadyCollected: 'Already collected',
    returnedOrCancelled: 'Returned / cancelled',
    returnedToAgency: 'Returned to agency',
    cancelled: 'Cancelled',
    unknownCode: 'Unknown code',
    checkTheCode: 'Check the code',
    checkDigitWrong: 'Check digit wrong',
    notADocument: 'Not a document',
    chooseApplication: 'Choose the application',
    choose: '{{count}} applications have agency reference {{ref}}: choose below which one this document is.',
    shelfLabel: "That is a shelf label: scan the document's label.",
    manifestCode: "That is a manifest code: scan the document's label.",
    keptUnmatched: '{{reason}} It is kept in the unmatched list to resolve.',
    noAgencyRef:
      'No application on this workstation has tracking number or agency reference {{ref}}: it is kept in the unmatched list to resolve.',
    notRegistered:
      '{{code}} is not registered on this workstation: it is kept in the unmatched list to resolve.',
    // common/scan-classify.ts unknownCodeMessage: a code that is none of the known kinds.
    unknownQuoted:
      'Unknown code "{{code}}": not a tracking number, agency reference, shelf label or manifest.',
    rescan: '{{trackingNumber}} is already on shelf {{slot}}. A re-scan is not a second arrival.',
    rescanSince:
      '{{trackingNumber}} is already on shelf {{slot}} since {{time}}. A re-scan is not a second arrival.',
    rescanBy:
      '{{trackingNumber}} is already on shelf {{slot}} (by {{staff}}). A re-scan is not a second arrival.',
    rescanSinceBy:
      '{{trackingNumber}} is already on shelf {{slot}} since {{time}} (by {{staff}}). A re-scan is not a second arrival.',
    collected: '{{trackingNumber}} was collected. Set this document aside and tell the manager.',
    collectedOn:
      '{{trackingNumber}} was collected on {{date}}. Set this document aside and tell the manager.',
    notCollectable: '{{trackingNumber}} is {{status}}. Set this document aside and tell the manager.',
  },
  collection: {
    // The hand-over card's hint of the registered ID (handover-service.ts idNumberHint).
    idEnds: 'ends {{digits}}',
    notOnShelf: '{{trackingNumber}} is not on the shelf ({{status}}).',
    nothingFound: 'Nothing found for "{{text}}".',
    cannotHandOver: '{{trackingNumber}} cannot be handed over: {{reason}}.',
    markedMissing: '{{trackingNumber}} is marked missing: find it on the shelf and clear the mark first.',
    idMismatch:
      'The ID number does not match {{trackingNumber}} (registered ID {{digits}} digits, ending {{last}}). Check the ID card, or record a proxy.',
    changedLookAgain: '{{trackingNumber}} changed meanwhile: look it up again.',
    centralUnknown: 'The central tracking service does not know this number either.',
    otherCentre:
      'Registered at Huduma Centre {{centre}} ({{status}}), not at this centre: set it aside for that centre.',
    notHereYet:
      'Registered at this centre on another workstation ({{status}}); its details have not reached this PC yet. Try again in a minute.',
  },
  manager: {
    noTrackingNumber: 'No application has that tracking number.',
    noLongerOnShelf: 'That document is no longer on the shelf (it is {{status}}).',
    noAgencyService: 'No service of the catalogue is issued by {{agency}}.',
    pageCursor: 'The page cursor is not one this app made. Start again from the first page.',
    signedOff: 'This report was already signed off by {{name}} on {{date}}.',
    campaignBusy: 'Another campaign is being prepared on this PC: try again in a moment.',
    noOneToRemind: 'No one to remind with these choices: nothing was sent.',
  },
  returns: {
    noManifest: 'There is no return manifest {{manifest}}.',
    notOpen: 'Manifest {{manifest}} is no longer open.',
    belongsTo: '{{trackingNumber}} belongs to {{agency}}, not {{other}}.',
    stillCollectable: '{{trackingNumber}} can still be collected until {{date}}.',
    reminded:
      '{{trackingNumber}} was reminded on {{date}}: the customer was promised {{days}} more days to collect it.',
    onOpenManifest: '{{trackingNumber}} is already on an open return manifest.',
    alreadyStatus: 'Manifest {{manifest}} is already {{status}}.',
    confirming: 'Manifest {{manifest}} is being confirmed.',
    confirmingNoCancel: 'Manifest {{manifest}} is being confirmed: it can no longer be cancelled.',
  },
  sync: {
    noRejected: 'No rejected event {{seq}}.',
    unreachable: 'Cannot reach the central API at {{url}}: {{reason}}',
    codeRefused: 'The enrolment code was refused (wrong or already used).',
    slotTaken:
      'Workstation slot {{slot}} is already held by another PC of this centre, so this PC was not enrolled and nothing was changed. Two PCs on one slot would issue the same tracking numbers. Either set this PC up again with a slot no other PC uses, or, if this PC replaces the one in that slot, ask the IT officer to release the old PC’s slot at the central service, then enrol again with a new code.',
    answered: 'The central API answered {{status}} to the enrolment.',
    unreadable: 'The central API sent an enrolment answer we cannot read.',
    otherCentre: 'The central API enrolled this PC under a different centre or slot: nothing was changed.',
    certificate:
      "The central service's certificate is not valid ({{fault}}): nothing was sent. Ask IT to check the address and the certificate.",
    // main/sync/http-client.ts CERTIFICATE_FAULTS: what the certificate message says is wrong.
    faults: {
      expired: 'expired',
      notYetValid: 'not valid yet',
      selfSigned: 'self-signed',
      untrusted: 'signed by an authority this PC does not trust',
      unknownAuthority: 'signed by an authority this PC does not know',
      otherAddress: 'issued for another address',
      revoked: 'revoked',
      badSignature: 'its signature does not check',
    },
  },
  // Why this PC cannot update itself, and why an update failed (main/services/status-service.ts,
  // main/services/update/update-policy.ts, main/electron/auto-update.ts): Settings → Workstation → Updates.
  // A {{problem}} from the verifier or the updater is its own English.
  updates: {
    notDesktop: 'This window is not the desktop app: updates are installed by the desktop app on each PC.',
    devRun: 'This is a development run: only the installed app updates itself.',
    noServer:
      'No update server is set: this build has none, and the centre has not given one (Settings → Workstation).',
    cannotVerify: 'Updates cannot be verified: {{problem}}.',
    refused: 'Update {{version}} refused and not installed: {{problem}}',
    checkFailed: 'The update check failed: {{problem}}',
    downloadFailed: 'The update download failed: {{problem}}',
  },
  transfer: {
    passphraseMin: 'The passphrase has at least {{min}} characters.',
    damaged: 'This is not a transfer file this app can open (it is damaged or cut short).',
    locked: 'This transfer file is locked: type the passphrase it was saved with.',
    wrongPassphrase:
      'The passphrase does not open this transfer file, or the file was changed. Nothing was sent.',
    lineNotJson: 'line {{line}}: not valid JSON',
    lineProblem: 'line {{line}}: {{problem}}',
    lineDuplicate: 'line {{line}}: event {{event}} is already on line {{earlier}}',
    notAnEvent: 'not an event',
  },
} as const
