import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SmtpCheckReportBody } from '@sendwell/core';

const STEP_NAMES: Record<SmtpCheckReportBody['steps'][number]['step'], string> = {
  connect: 'Connect',
  ehlo: 'Greeting (EHLO)',
  tls: 'Encryption (TLS)',
  auth: 'Sign-in (AUTH)',
};

const useStyles = makeStyles({
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * The connection check step by step (connect, EHLO, TLS, AUTH), so a person sees which step failed
 * and the server's own answer, then what the server offers (DSN decides bounce notices' detail).
 */
export function CheckReport(props: { report: SmtpCheckReportBody }) {
  const styles = useStyles();
  const { report } = props;
  return (
    <MessageBar
      intent={report.ok ? 'success' : 'error'}
      data-testid="web-admin-smtp-check-result"
      data-ok={String(report.ok)}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{report.ok ? 'The server accepts Sendwell' : 'The check failed'}</MessageBarTitle>
        <ul className={styles.steps}>
          {report.steps.map((s) => (
            <li key={s.step} data-step={s.step} data-ok={String(s.ok)}>
              <Body1>
                {STEP_NAMES[s.step]}: {s.ok ? 'passed' : 'failed'}
              </Body1>{' '}
              <Caption1>{s.detail}</Caption1>
            </li>
          ))}
        </ul>
        {report.ok && (
          <Caption1>
            {report.dsn
              ? 'The server offers delivery status notifications: Sendwell asks for them on every send.'
              : 'The server does not offer delivery status notifications: bounces still come back to the sender, with less detail.'}
            {report.size !== null && ` Largest message: ${Math.floor(report.size / 1_048_576)} MB.`}
          </Caption1>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
