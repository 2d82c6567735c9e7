import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { Link, Outlet } from '@tanstack/react-router';
import { useSession } from '../api/context';
import { signOut } from '../api/session';

const useStyles = makeStyles({
  layout: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  nav: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  link: {
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, textDecoration: 'underline' },
    '&[aria-current="page"]': {
      fontWeight: tokens.fontWeightSemibold,
      boxShadow: `inset 0 -2px 0 ${tokens.colorBrandStroke1}`,
    },
  },
  person: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  main: { padding: tokens.spacingHorizontalXL, flexGrow: 1 },
});

/** Rep pages everyone sees; Admin only for admins (the server refuses reps there anyway). */
const PAGES = [
  { id: 'home', to: '/', label: 'Home', exact: true },
  { id: 'sends', to: '/sends', label: 'Sends', exact: false },
  { id: 'templates', to: '/templates', label: 'Templates', exact: false },
  { id: 'campaigns', to: '/campaigns', label: 'Campaigns', exact: false },
  { id: 'suppressions', to: '/suppressions', label: 'Suppressions', exact: false },
  { id: 'numbers', to: '/numbers', label: 'My numbers', exact: false },
] as const;

/** The signed-in layout: brand, the page nav, who is signed in and sign-out, then the page. */
export function Shell() {
  const styles = useStyles();
  const session = useSession();
  const leave = async () => {
    await signOut();
    window.location.assign('/app/signin');
  };
  return (
    <div className={styles.layout}>
      <header className={styles.header}>
        <Text className={styles.brand}>Sendwell</Text>
        <nav aria-label="Sendwell pages" className={styles.nav}>
          {PAGES.map((page) => (
            <Link
              key={page.id}
              to={page.to}
              className={styles.link}
              activeOptions={{ exact: page.exact }}
              data-testid={`web-nav-${page.id}`}
            >
              {page.label}
            </Link>
          ))}
          {session.user.role === 'admin' && (
            <Link to="/admin" className={styles.link} data-testid="web-nav-admin">
              Admin
            </Link>
          )}
        </nav>
        <div className={styles.person}>
          <Text data-testid="web-signed-in-as">
            {session.user.name} ({session.user.email})
          </Text>
          <Button appearance="subtle" icon={<SignOutRegular />} onClick={leave} data-testid="web-signout">
            Sign out
          </Button>
        </div>
      </header>
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
