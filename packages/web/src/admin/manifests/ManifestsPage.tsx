import { Body1, Button, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { AdminPage, AdminSection } from '../AdminPage';
import { APP_PACKAGE_ICON_PATHS, MANIFEST_LINKS, manifestUrl } from './manifestLinks';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingInlineStart: 0 },
  item: { listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  steps: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** The add-in manifests rendered for this server, and how to install them for yourself or the team. */
export function ManifestsPage() {
  const styles = useStyles();
  const origin = window.location.origin;
  return (
    <AdminPage
      title="Manifests"
      intro={`The Outlook add-in and the Gmail add-on, rendered for this server (${origin}).`}
      testId="web-admin-manifests"
    >
      <AdminSection title="Downloads">
        <ul className={styles.list}>
          {MANIFEST_LINKS.map((link) => (
            <li key={link.id} className={styles.item}>
              <Button
                as="a"
                href={link.path}
                download={link.fileName}
                icon={<ArrowDownloadRegular />}
                data-testid={`web-admin-manifest-${link.id}`}
              >
                {link.title}
              </Button>
              <Body1>{link.description}</Body1>
              <Caption1 className={styles.code}>{manifestUrl(origin, link)}</Caption1>
            </li>
          ))}
        </ul>
      </AdminSection>
      <OutlookSteps />
      <GmailSteps />
    </AdminPage>
  );
}

function OutlookSteps() {
  const styles = useStyles();
  return (
    <AdminSection title="Install the Outlook add-in">
      <Body1>For yourself (sideloading):</Body1>
      <ol className={styles.steps}>
        <li>
          Open Outlook on the web, or go to{' '}
          <Link href="https://aka.ms/olksideload" target="_blank" rel="noreferrer">
            aka.ms/olksideload
          </Link>
          .
        </li>
        <li>
          Choose Get Add-ins, then My add-ins, then Custom add-ins, then Add a custom add-in, then Add from
          file.
        </li>
        <li>
          Choose the manifest.xml you downloaded above. It roams to desktop Outlook (classic Outlook can take
          up to 24 hours).
        </li>
      </ol>
      <Body1>For the whole team (centralized deployment):</Body1>
      <ol className={styles.steps}>
        <li>
          In the Microsoft 365 admin center, open Settings, then Integrated apps, then Upload custom apps.
        </li>
        <li>
          Upload manifest.xml, or for the unified manifest a zip of manifest.json with{' '}
          {APP_PACKAGE_ICON_PATHS.map((path, i) => (
            <span key={path}>
              {i > 0 && ' and '}
              <Link href={path} download>
                {path.split('/').pop()}
              </Link>
            </span>
          ))}
          .
        </li>
        <li>
          Assign it to users or groups. It can take up to 24 hours to appear and needs Exchange Online
          mailboxes.
        </li>
        <li>Changing permissions or scopes needs admin re-consent: bump the version each time.</li>
      </ol>
    </AdminSection>
  );
}

function GmailSteps() {
  const styles = useStyles();
  return (
    <AdminSection title="Install the Gmail add-on">
      <Body1>In the Google Cloud project of your Workspace domain:</Body1>
      <ol className={styles.steps}>
        <li>
          Enable the APIs:{' '}
          <code className={styles.code}>
            gcloud services enable gsuiteaddons.googleapis.com gmail.googleapis.com
          </code>
        </li>
        <li>
          Authorize the add-on (the server checks the service account this prints):{' '}
          <code className={styles.code}>gcloud workspace-add-ons get-authorization</code>
        </li>
        <li>
          Create the deployment from the file you downloaded:{' '}
          <code className={styles.code}>
            gcloud workspace-add-ons deployments create sendwell --deployment-file=deployment.json
          </code>
        </li>
        <li>
          Install it for your own account to try it:{' '}
          <code className={styles.code}>gcloud workspace-add-ons deployments install sendwell</code>
        </li>
        <li>
          For the whole team, publish it as a private Google Workspace Marketplace app (admin-only install,
          HTTP deployment with the deployment id) and turn it on for users or organizational units in the
          Admin console.
        </li>
      </ol>
      <Caption1>
        gmail.readonly is a restricted scope: an internal app avoids Google&apos;s verification.
      </Caption1>
    </AdminSection>
  );
}
