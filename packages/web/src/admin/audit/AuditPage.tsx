import {
  Button,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { AuditEntryInfo } from '@sendwell/core';
import { useVoice } from '../../api/context';
import { AdminPage } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useAudit } from '../adminApi';
import { actionWords, fieldChanges } from './auditText';

const useStyles = makeStyles({
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** Every admin action and every channel or setting change, newest first: who, what, before → after, when. */
export function AuditPage() {
  const audit = useAudit();
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <AdminPage
      title="Audit log"
      intro="Every admin action and every channel or setting change in your team, newest first. Passwords are never recorded."
      testId="web-admin-audit"
    >
      <ApiErrorBar error={audit.error} title="The audit log could not be loaded" />
      <Table aria-label="Audit log" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell>Who</TableHeaderCell>
            <TableHeaderCell>What</TableHeaderCell>
            <TableHeaderCell>Before → after</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </TableBody>
      </Table>
      {audit.isPending && <Caption1>Loading the audit log…</Caption1>}
      {audit.isSuccess && entries.length === 0 && <Caption1>Nothing has been changed yet.</Caption1>}
      {audit.hasNextPage && (
        <Button onClick={() => audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          Show older entries
        </Button>
      )}
    </AdminPage>
  );
}

function AuditRow(props: { entry: AuditEntryInfo }) {
  const styles = useStyles();
  const voice = useVoice();
  const { entry } = props;
  const changes = fieldChanges(entry.before, entry.after);
  return (
    <TableRow data-testid="web-admin-audit-row" data-action={entry.action}>
      <TableCell>
        <time dateTime={entry.at}>{voice.time(entry.at)}</time>
      </TableCell>
      <TableCell>{entry.actor ? `${entry.actor.name} (${entry.actor.email})` : 'Sendwell'}</TableCell>
      <TableCell>
        {actionWords(entry.action)}
        {entry.target && (
          <>
            <br />
            <Caption1 className={styles.code}>{entry.target}</Caption1>
          </>
        )}
      </TableCell>
      <TableCell>
        {changes.length === 0 ? (
          'No field changed'
        ) : (
          <ul className={styles.changes}>
            {changes.map((c) => (
              <li key={c.field}>
                {c.field && <span className={styles.code}>{c.field}: </span>}
                {c.before} → {c.after}
              </li>
            ))}
          </ul>
        )}
      </TableCell>
    </TableRow>
  );
}
