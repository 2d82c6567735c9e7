/**
 * The one source of truth for every manifest: names, ids, descriptions, scopes, icons, paths.
 * Renderers turn it into the Outlook XML, the unified JSON manifest and the Gmail deployment for one
 * environment (base URL). Bump `version` on every change admins must re-deploy (Microsoft requires it).
 */
export const SOURCE = {
  /** The production add-in id. Other environments get a stable id derived from it and their base URL. */
  productionId: '4a4126bb-4fb6-4935-ab71-02724cca497c',
  version: '1.0.0',
  provider: 'Sendwell',
  locale: 'en-US',
  name: { short: 'Sendwell', full: 'Sendwell for sales email' },
  description: {
    short: 'Templates, paced sending and bounce tracking from your own mailbox.',
    full:
      'Sendwell inserts sales templates into the message you are writing, sends through your own mailbox ' +
      'at a pace your provider accepts, and reports bounces back to your templates and campaigns.',
  },
  accentColor: '#0E7C86',
  /** Paths on the Sendwell server (joined to the base URL). */
  paths: {
    support: '/help',
    privacy: '/privacy',
    terms: '/terms',
    taskpane: '/outlook/taskpane.html',
    gmailAddon: '/gmail/addon',
  },
  icons: {
    /** Ribbon button sizes Outlook requires (16, 32, 80), IconUrl (64) and HighResolutionIconUrl (128). */
    ribbon: [16, 32, 80] as const,
    iconUrl: 64,
    highResolution: 128,
    path: (size: number) => `/assets/icon-${size}.png`,
    /** Unified manifest app-package icons (relative to the package, not URLs). */
    color: 'color.png',
    outline: 'outline.png',
  },
  outlook: {
    permissions: 'ReadWriteItem',
    unifiedPermission: 'MailboxItem.ReadWrite.User',
    /** Base requirement (what older clients check) and the one the commands need. */
    mailboxMinVersion: '1.1',
    commandsMinVersion: '1.3',
    groupLabel: 'Sendwell',
    buttonLabel: 'Sendwell',
    buttonTooltip: 'Insert a template, see your sending budget and send through your mailbox at a safe pace.',
  },
  gmail: {
    scopes: [
      'https://www.googleapis.com/auth/gmail.addons.execute',
      'https://www.googleapis.com/auth/gmail.addons.current.message.readonly',
      // Every compose-time add-on needs this one, even if it never edits the draft.
      'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
      'https://www.googleapis.com/auth/userinfo.email',
      // Sending through the rep's own Gmail, and the bounce scanner reading the inbox (restricted scope:
      // deploy as a private, admin-installed app).
      'https://www.googleapis.com/auth/gmail.send',
      'https://www.googleapis.com/auth/gmail.readonly',
      // The rep's time zone for "next slot 09:14" (needs useLocaleFromApp).
      'https://www.googleapis.com/auth/script.locale',
    ],
    composeLabel: 'Sendwell templates',
    draftAccess: 'METADATA',
  },
} as const;

/** Scopes a Gmail deployment must carry for Sendwell to work (checked by `checkManifests`). */
export const REQUIRED_GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.addons.execute',
  'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  'https://www.googleapis.com/auth/gmail.readonly',
] as const;
