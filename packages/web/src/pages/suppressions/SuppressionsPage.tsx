import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useSession, useVoice } from '../../api/context';
import { ApiProblem, Page, Section } from '../../ui/Page';
import { AddSuppressionForm } from './AddSuppressionForm';
import { SuppressionList } from './SuppressionList';
import { useSuppressions } from './suppressionApi';

const useStyles = makeStyles({
  search: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  email: { minWidth: '20em' },
});

/**
 * Addresses the team does not send to: why (the bounce, the unsubscribe, the complaint, the note),
 * since when and until when. Anyone looks an address up; an admin adds one or lifts one (audited).
 */
export function SuppressionsPage() {
  const { email } = useSearch({ from: '/signed-in/suppressions' });
  const navigate = useNavigate({ from: '/suppressions' });
  return (
    <SuppressionsView
      email={email}
      onSearch={(next) => void navigate({ search: next ? { email: next } : {} })}
    />
  );
}

/** The page without the router: the searched address comes in, a new search goes out. */
export function SuppressionsView(props: {
  email: string | undefined;
  onSearch(email: string | undefined): void;
}) {
  const session = useSession();
  const isAdmin = session.user.role === 'admin';
  return (
    <Page
      title="Suppressed addresses"
      intro="Sendwell sends nothing to these addresses for anyone in your team: hard bounces, unsubscribes and spam complaints stop an address until an admin lifts it; repeated soft bounces stop it for a while."
      testId="web-suppressions"
    >
      <SearchForm email={props.email ?? ''} onSearch={props.onSearch} />
      <Results email={props.email} isAdmin={isAdmin} />
      {isAdmin && (
        <Section title="Suppress an address" testId="web-suppression-add">
          <AddSuppressionForm />
        </Section>
      )}
    </Page>
  );
}

function SearchForm(props: { email: string; onSearch(email: string | undefined): void }) {
  const styles = useStyles();
  const [text, setText] = useState(props.email);
  useEffect(() => setText(props.email), [props.email]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch(text.trim().toLowerCase() || undefined);
  };
  return (
    <form className={styles.search} onSubmit={search} aria-label="Find an address">
      <Field label="Email address">
        <Input
          className={styles.email}
          type="email"
          value={text}
          onChange={(_, d) => setText(d.value)}
          data-testid="web-suppressions-search"
        />
      </Field>
      <Button type="submit" appearance="primary" data-testid="web-suppressions-search-submit">
        Find
      </Button>
      {props.email && (
        <Button onClick={() => props.onSearch(undefined)} data-testid="web-suppressions-search-clear">
          Show every suppressed address
        </Button>
      )}
    </form>
  );
}

function Results(props: { email: string | undefined; isAdmin: boolean }) {
  const voice = useVoice();
  const list = useSuppressions(props.email);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const title = props.email ? `History of ${props.email}` : 'Suppressed now';
  return (
    <Section title={title} testId="web-suppressions-results">
      <ApiProblem error={list.error} />
      {list.isPending && <Caption1>Loading…</Caption1>}
      {list.isSuccess && items.length === 0 && (
        <Caption1 data-testid="web-suppressions-empty">
          {props.email
            ? voice.t('suppression.none', { email: props.email })
            : 'No address is suppressed for your team.'}
        </Caption1>
      )}
      <SuppressionList items={items} isAdmin={props.isAdmin} />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Section>
  );
}
