import {
  Button,
  Caption1,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { Member } from '@sendwell/core';
import { useSession } from '../../api/context';
import { AdminPage } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useMembers, useUpdateMember } from '../adminApi';

const PROVIDER_NAMES: Record<Member['mailboxes'][number]['provider'], string> = {
  exchange: 'Exchange Online',
  gmail: 'Gmail',
  'exchange-server': 'Exchange Server',
};

/** Who is in the team, their role and legacy flag; each change is saved (and audited) at once. */
export function MembersPage() {
  const members = useMembers();
  const update = useUpdateMember();
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <AdminPage
      title="Members and roles"
      intro="Admins manage channels, the throttle, team templates and members. Legacy accounts may see the legacy Sendwell servers."
      testId="web-admin-members"
    >
      <ApiErrorBar error={members.error} title="The members could not be loaded" />
      <ApiErrorBar error={update.error} title="Not changed" testId="web-admin-member-error" />
      <Table aria-label="Team members" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Mailboxes</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Legacy account</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              busy={update.isPending}
              onChange={(change) => update.mutate({ id: member.id, change })}
            />
          ))}
        </TableBody>
      </Table>
      {members.isPending && <Caption1>Loading members…</Caption1>}
      {members.hasNextPage && (
        <Button onClick={() => members.fetchNextPage()} disabled={members.isFetchingNextPage}>
          Show more members
        </Button>
      )}
    </AdminPage>
  );
}

function MemberRow(props: {
  member: Member;
  busy: boolean;
  onChange: (change: { role?: Member['role']; legacy?: boolean }) => void;
}) {
  const { member } = props;
  const me = useSession().user.id === member.id;
  const roleLabel = `Role of ${member.name}`;
  return (
    <TableRow data-testid={`web-admin-member-${member.id}`}>
      <TableCell>
        {member.name} {me && <Caption1>(you)</Caption1>}
        <br />
        <Caption1>{member.email}</Caption1>
      </TableCell>
      <TableCell>
        {member.mailboxes.length === 0
          ? 'Not connected'
          : member.mailboxes.map((m) => `${PROVIDER_NAMES[m.provider]} (${m.state})`).join(', ')}
      </TableCell>
      <TableCell>
        <Select
          aria-label={roleLabel}
          value={member.role}
          disabled={props.busy}
          data-testid={`web-admin-member-${member.id}-role`}
          onChange={(_, data) => props.onChange({ role: data.value as Member['role'] })}
        >
          <option value="rep">Rep</option>
          <option value="admin">Admin</option>
        </Select>
      </TableCell>
      <TableCell>
        <Switch
          aria-label={`${member.name} is a legacy account`}
          checked={member.legacy}
          disabled={props.busy}
          data-testid={`web-admin-member-${member.id}-legacy`}
          onChange={(_, data) => props.onChange({ legacy: data.checked })}
        />
      </TableCell>
    </TableRow>
  );
}
