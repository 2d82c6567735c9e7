import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useSession } from '../api/context';
import { AdminPage } from './AdminPage';
import { ADMIN_PAGES } from './adminPages';

const useStyles = makeStyles({
  layout: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    ':hover': { borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: { borderBottomColor: tokens.colorBrandStroke1, fontWeight: tokens.fontWeightSemibold },
});

/** The admin area: its own nav (links, so each page has a URL and the browser's back works). */
export function AdminLayout() {
  const styles = useStyles();
  const session = useSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (session.user.role !== 'admin')
    return (
      <AdminPage title="Team admin">
        <MessageBar intent="warning" data-testid="web-admin-refused">
          <MessageBarBody>
            Only a team admin can see these pages. Ask an admin of your team if you need something changed.
          </MessageBarBody>
        </MessageBar>
      </AdminPage>
    );
  return (
    <div className={styles.layout}>
      <nav aria-label="Team admin">
        <ul className={styles.tabs}>
          {ADMIN_PAGES.map((page) => {
            const current = pathname.endsWith(page.path);
            return (
              <li key={page.path}>
                <Link
                  to={page.path}
                  className={current ? `${styles.tab} ${styles.current}` : styles.tab}
                  aria-current={current ? 'page' : undefined}
                  data-testid={`web-admin-nav-${page.path.split('/').pop()}`}
                >
                  {page.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
