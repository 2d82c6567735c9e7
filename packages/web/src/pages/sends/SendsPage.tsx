import {
  Badge,
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  SearchBox,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { SEND_STATUSES, type SendStatus, type SendSummary, sendPageSchema } from '@sendwell/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { useApi, useSession, useVoice } from '../../api/context';
import { useLiveRefresh } from '../../api/liveRefresh';
import { apiKey } from '../../api/queries';
import { ApiProblem, Page } from '../../ui/Page';
import { STATUS_COLOR, STATUS_WORDS } from './sendWords';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
});

const route = getRouteApi('/signed-in/sends');

/** My sends (or the team's, for admins): search, status filter, paged by the server's cursor. */
export function SendsPage() {
  const styles = useStyles();
  const api = useApi();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const query = { q: search.q, status: search.status, scope: search.scope ?? 'mine', limit: 25 };
  // Statuses change as the outbox and the scanner work: the live feed says when to look again.
  useLiveRefresh(session.token, ['/sends'], query.scope === 'team' ? 'team' : 'mine');
  const pages = useInfiniteQuery<import('@sendwell/core').SendPage, ApiError>({
    queryKey: apiKey('/sends', query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get('/sends', { query: { ...query, cursor: pageParam as string | null }, schema: sendPageSchema }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const setSearch = (patch: Partial<typeof search>) =>
    navigate({ search: (old) => ({ ...old, ...patch }), replace: true });
  return (
    <Page title="Sends" testId="web-sends">
      <search className={styles.filters}>
        <Field label="Search recipients and subject">
          <SearchBox
            value={text}
            onChange={(_e, d) => setText(d.value)}
            onKeyDown={(e) => e.key === 'Enter' && setSearch({ q: text.trim() || undefined })}
            data-testid="web-sends-search"
          />
        </Field>
        <Button
          onClick={() => setSearch({ q: text.trim() || undefined })}
          data-testid="web-sends-search-submit"
        >
          Search
        </Button>
        <Field label="Status">
          <Dropdown
            value={search.status ? STATUS_WORDS[search.status as SendStatus] : 'Any status'}
            selectedOptions={[search.status ?? '']}
            onOptionSelect={(_e, d) => setSearch({ status: d.optionValue || undefined })}
            data-testid="web-sends-status"
          >
            <Option value="">Any status</Option>
            {SEND_STATUSES.map((s) => (
              <Option key={s} value={s}>
                {STATUS_WORDS[s]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {session.user.role === 'admin' && (
          <Field label="Whose sends">
            <Dropdown
              value={search.scope === 'team' ? 'My team' : 'Mine'}
              selectedOptions={[search.scope ?? 'mine']}
              onOptionSelect={(_e, d) => setSearch({ scope: d.optionValue === 'team' ? 'team' : undefined })}
              data-testid="web-sends-scope"
            >
              <Option value="mine">Mine</Option>
              <Option value="team">My team</Option>
            </Dropdown>
          </Field>
        )}
      </search>
      <ApiProblem error={pages.error} />
      {pages.isPending ? (
        <Spinner size="small" label="Loading sends" />
      ) : (
        <SendsTable rows={rows} team={search.scope === 'team'} />
      )}
      {pages.hasNextPage && (
        <div>
          <Button onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            Show more
          </Button>
        </div>
      )}
    </Page>
  );
}

function SendsTable({ rows, team }: { rows: SendSummary[]; team: boolean }) {
  const voice = useVoice();
  if (rows.length === 0) return <p data-testid="web-sends-empty">No sends match.</p>;
  return (
    <Table aria-label="Sends" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Subject</TableHeaderCell>
          <TableHeaderCell>To</TableHeaderCell>
          {team && <TableHeaderCell>Sender</TableHeaderCell>}
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Channel</TableHeaderCell>
          <TableHeaderCell>When</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((send) => (
          <TableRow key={send.id} data-testid={`web-sends-row-${send.id}`}>
            <TableCell>
              <Link to="/sends/$sendId" params={{ sendId: send.id }}>
                {send.subject || '(no subject)'}
              </Link>
            </TableCell>
            <TableCell>{send.to.join(', ')}</TableCell>
            {team && <TableCell>{send.sender.name}</TableCell>}
            <TableCell>
              <Badge appearance="tint" color={STATUS_COLOR[send.status]}>
                {STATUS_WORDS[send.status]}
              </Badge>
              {send.bounced > 0 && ` · ${voice.count('outcome.summary.bounced', send.bounced)}`}
            </TableCell>
            <TableCell>{send.channel?.label ?? '—'}</TableCell>
            <TableCell>{voice.when(send.submittedAt ?? send.sendAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
