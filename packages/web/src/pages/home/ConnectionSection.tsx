import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { connectionsAnswerSchema, connectStartSchema } from '@sendwell/core';
import { useVoice } from '../../api/context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ApiProblem, Loaded, Section } from '../../ui/Page';

const PROVIDER_OF = { exchange: 'microsoft', gmail: 'google' } as const;

/** The rep's mailbox connections, worded by core's voice, with Connect/Reconnect where it applies. */
export function ConnectionSection() {
  const voice = useVoice();
  const connections = useApiQuery('/connections', { schema: connectionsAnswerSchema });
  const start = useApiMutation(
    (api, provider: 'microsoft' | 'google') =>
      api.post(`/connections/${provider}/start`, {}, { schema: connectStartSchema }),
    [],
    { onSuccess: (answer) => window.location.assign(answer.authorizationUrl) },
  );
  return (
    <Section title="My connection" testId="web-connection">
      <Loaded query={connections} label="Loading your connection">
        {(answer) => {
          const shown =
            answer.connections.length > 0
              ? answer.connections.map((c) => ({
                  key: c.mailboxId,
                  words: voice.connection(c, c.provider),
                  provider: c.provider,
                }))
              : answer.connectable.map((p) => {
                  const kind = p === 'microsoft' ? ('exchange' as const) : ('gmail' as const);
                  return { key: p, words: voice.connection(null, kind), provider: kind };
                });
          return shown.map(({ key, words, provider }) => {
            const oauth = provider === 'exchange-server' ? null : PROVIDER_OF[provider];
            return (
              <MessageBar
                key={key}
                intent={words.tone}
                layout="multiline"
                data-testid={`web-connection-${key}`}
              >
                <MessageBarBody>
                  <MessageBarTitle>{words.title}</MessageBarTitle>
                  {words.detail}
                </MessageBarBody>
                {words.action && oauth && answer.connectable.includes(oauth) && (
                  <Button appearance="primary" onClick={() => start.mutate(oauth)} disabled={start.isPending}>
                    {words.actionLabel}
                  </Button>
                )}
              </MessageBar>
            );
          });
        }}
      </Loaded>
      <ApiProblem error={start.error} />
    </Section>
  );
}
