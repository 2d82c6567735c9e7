import {
  Badge,
  Body1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { type SendDetail, sendDetailSchema } from '@sendwell/core';
import { getRouteApi } from '@tanstack/react-router';
import { useSession, useVoice } from '../../api/context';
import { useLiveRefresh } from '../../api/liveRefresh';
import { useApiQuery } from '../../api/queries';
import { Loaded, Page, Section } from '../../ui/Page';
import { QueuedSendActions } from './QueuedSendActions';
import { STATUS_COLOR, STATUS_WORDS } from './sendWords';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

const route = getRouteApi('/signed-in/sends/$sendId');

const OUTCOME_WORDS = {
  pending: 'Not sent yet',
  sent: 'Sent, no notice came back',
  delayed: 'Delayed',
  bounced: 'Bounced',
  'not-sent': 'Not sent',
} as const;

/** One send: status, the channel it went through, each recipient's outcome with the bounce detail. */
export function SendDetailPage() {
  const { sendId } = route.useParams();
  const send = useApiQuery(`/sends/${encodeURIComponent(sendId)}`, { schema: sendDetailSchema });
  useLiveRefresh(useSession().token, [`/sends/${encodeURIComponent(sendId)}`]);
  return (
    <Page title={send.data ? send.data.subject || '(no subject)' : 'Send'} testId="web-send-detail">
      <Loaded query={send} label="Loading the send">
        {(detail) => (
          <>
            <SendFacts send={detail} />
            <QueuedSendActions send={detail} />
            <Recipients send={detail} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function SendFacts({ send }: { send: SendDetail }) {
  const styles = useStyles();
  const voice = useVoice();
  const facts: [string, React.ReactNode, string][] = [
    [
      'Status',
      <Badge key="s" appearance="tint" color={STATUS_COLOR[send.status]}>
        {STATUS_WORDS[send.status]}
      </Badge>,
      'status',
    ],
    ['Channel', send.channel ? send.channel.label : 'Not recorded (sent before channels)', 'channel'],
    ['From', send.from, 'from'],
    ['Planned for', voice.when(send.sendAt), 'send-at'],
    ['Sent', send.submittedAt ? voice.when(send.submittedAt) : '—', 'submitted-at'],
    ['Attempts', String(send.attempts), 'attempts'],
  ];
  if (send.error) facts.push(['Problem', send.error, 'error']);
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value, id]) => (
        <div key={id} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail} data-testid={`web-send-${id}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Recipients({ send }: { send: SendDetail }) {
  const voice = useVoice();
  return (
    <Section title="Recipients" testId="web-send-recipients">
      <Table aria-label="Recipients and their outcome" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Recipient</TableHeaderCell>
            <TableHeaderCell>Outcome</TableHeaderCell>
            <TableHeaderCell>Bounce detail</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {send.recipients.map((r) => (
            <TableRow key={`${r.field}:${r.address}`} data-testid={`web-send-recipient-${r.address}`}>
              <TableCell>
                {r.address}
                {r.field !== 'to' && ` (${r.field})`}
              </TableCell>
              <TableCell>{OUTCOME_WORDS[r.outcome]}</TableCell>
              <TableCell>
                {r.bounce ? (
                  <Body1>
                    {voice.bounceReason(r.bounce.reason)}
                    {r.bounce.status && ` (${r.bounce.status})`}
                    {r.bounce.hard !== null && (r.bounce.hard ? ' · permanent' : ' · temporary')}
                    {r.bounce.diagnostic && ` · “${r.bounce.diagnostic}”`} · {voice.when(r.bounce.at)}
                  </Body1>
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
