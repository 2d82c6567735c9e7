import {
  Button,
  Caption1,
  makeStyles,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { Unattributed } from '@sendwell/core';
import { useState } from 'react';
import { useVoice } from '../../api/context';
import { AdminPage } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { evidenceLines, type UnattributedKind, useUnattributed } from './unattributedApi';

const useStyles = makeStyles({
  evidence: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

const KIND_WORDS: Record<UnattributedKind, { tab: string; none: string }> = {
  bounce: { tab: 'Bounces', none: 'Every bounce notice was tied to one of your team’s emails.' },
  reply: { tab: 'Replies', none: 'Every reply was tied to one of your team’s emails.' },
};

/**
 * Bounce notices and replies the scanner found but could not tie to one of the team's sends, with
 * what it had to go on: they are counted and listed here, never dropped.
 */
export function UnattributedPage() {
  const [kind, setKind] = useState<UnattributedKind>('bounce');
  const list = useUnattributed(kind);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = list.data?.pages[0]?.counts;
  return (
    <AdminPage
      title="Unattributed"
      intro="Bounce notices and replies in your team’s inboxes that Sendwell could not tie to one of its emails, with the evidence it had."
      testId="web-admin-unattributed"
    >
      <TabList selectedValue={kind} onTabSelect={(_e, data) => setKind(data.value as UnattributedKind)}>
        {(['bounce', 'reply'] as const).map((k) => (
          <Tab key={k} value={k} data-testid={`web-admin-unattributed-${k}`}>
            {KIND_WORDS[k].tab}
            {counts ? ` (${counts[k === 'bounce' ? 'bounces' : 'replies']})` : ''}
          </Tab>
        ))}
      </TabList>
      <ApiErrorBar error={list.error} title="The unattributed list could not be loaded" />
      <Table aria-label={`Unattributed ${KIND_WORDS[kind].tab.toLowerCase()}`} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell>Mailbox</TableHeaderCell>
            <TableHeaderCell>{kind === 'bounce' ? 'Recipient' : 'From'}</TableHeaderCell>
            <TableHeaderCell>Evidence</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <UnattributedRow key={item.id} item={item} />
          ))}
        </TableBody>
      </Table>
      {list.isPending && <Caption1>Loading…</Caption1>}
      {list.isSuccess && items.length === 0 && <Caption1>{KIND_WORDS[kind].none}</Caption1>}
      {list.hasNextPage && (
        <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          Show older ones
        </Button>
      )}
    </AdminPage>
  );
}

function UnattributedRow(props: { item: Unattributed }) {
  const styles = useStyles();
  const voice = useVoice();
  const { item } = props;
  const reason = typeof item.evidence.reason === 'string' ? voice.bounceReason(item.evidence.reason) : null;
  return (
    <TableRow data-testid="web-admin-unattributed-row">
      <TableCell>
        <time dateTime={item.at}>{voice.time(item.at)}</time>
      </TableCell>
      <TableCell>{item.mailboxAddress}</TableCell>
      <TableCell>{item.kind === 'bounce' ? item.recipient : item.from}</TableCell>
      <TableCell>
        {reason}
        <ul className={styles.evidence}>
          {evidenceLines(item.evidence).map((line) => (
            <li key={line.label}>
              <span className={styles.code}>{line.label}: </span>
              <span className={styles.code}>{line.value}</span>
            </li>
          ))}
        </ul>
      </TableCell>
    </TableRow>
  );
}
