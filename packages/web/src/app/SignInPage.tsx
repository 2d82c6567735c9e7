import {
  Body1,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { fetchSignInProviders } from '../api/session';
import { signInErrorText } from './signInErrors';

const useStyles = makeStyles({
  page: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXXL },
  card: { maxWidth: '440px', width: '100%', gap: tokens.spacingVerticalL },
  buttons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const LABELS = { microsoft: 'Sign in with Microsoft', google: 'Sign in with Google' } as const;
const route = getRouteApi('/signin');

/** The one public page: a button per configured provider, and why the last attempt failed. */
export function SignInPage() {
  const styles = useStyles();
  const { error } = route.useSearch();
  const providers = useQuery({ queryKey: ['signin-providers'], queryFn: () => fetchSignInProviders() });
  const problem = signInErrorText(error);
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title2 as="h1">Sign in to Sendwell</Title2>
        <Body1 as="p">
          Use the same work account as in Outlook or Gmail. Sendwell only learns who you are; connecting your
          mailbox is a separate step.
        </Body1>
        {problem && (
          <MessageBar intent="error" data-testid="web-signin-error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {providers.isPending ? (
          <Spinner label="Loading sign-in options" />
        ) : (
          <div className={styles.buttons}>
            {(providers.data ?? []).map((provider) => (
              <Button
                key={provider}
                as="a"
                href={`/app/auth/start/${provider}`}
                appearance={provider === 'microsoft' ? 'primary' : 'secondary'}
                data-testid={`web-signin-${provider}`}
              >
                {LABELS[provider]}
              </Button>
            ))}
            {providers.data?.length === 0 && (
              <Body1>No sign-in provider is configured on this server. Ask your admin.</Body1>
            )}
          </div>
        )}
      </Card>
    </main>
  );
}
