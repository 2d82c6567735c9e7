/** The admin pages in nav order: path under `/admin` and the words on the tab. */
export const ADMIN_PAGES = [
  { path: '/admin/members', label: 'Members and roles' },
  { path: '/admin/channels', label: 'Channels' },
  { path: '/admin/throttle', label: 'Throttle' },
  { path: '/admin/rules', label: 'Bounce rules' },
  { path: '/admin/analytics', label: 'Team analytics' },
  { path: '/admin/unattributed', label: 'Unattributed' },
  { path: '/admin/audit', label: 'Audit log' },
  { path: '/admin/manifests', label: 'Manifests' },
] as const;
