import {
  Button,
  Dropdown,
  Field,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { type Campaign, ENROLMENT_STATUSES, type Enrolment } from '@sendwell/core';
import { useState } from 'react';
import { useVoice } from '../../api/context';
import { ApiProblem } from '../../ui/Page';
import { useEnrolments, useRemoveEnrolment } from './campaignApi';

const FILTER_WORDS: Record<string, string> = {
  '': 'Everyone',
  active: 'Active',
  finished: 'Finished',
  left: 'Left',
};

/** The people in the campaign, their status in core's words, and Remove for those still in it. */
export function EnrolmentsSection({ campaign, canChange }: { campaign: Campaign; canChange: boolean }) {
  const [status, setStatus] = useState('');
  const pages = useEnrolments(campaign.id, status || undefined);
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Field label="Show">
        <Dropdown
          value={FILTER_WORDS[status]}
          selectedOptions={[status]}
          onOptionSelect={(_e, d) => setStatus(d.optionValue ?? '')}
          data-testid="web-enrolments-filter"
        >
          {['', ...ENROLMENT_STATUSES].map((s) => (
            <Option key={s} value={s}>
              {FILTER_WORDS[s] ?? s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <ApiProblem error={pages.error} />
      {pages.isPending ? (
        <Spinner size="small" label="Loading people" />
      ) : rows.length === 0 ? (
        <p data-testid="web-enrolments-empty">Nobody here yet.</p>
      ) : (
        <EnrolmentTable rows={rows} campaign={campaign} canChange={canChange} />
      )}
      {pages.hasNextPage && (
        <div>
          <Button onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            Show more people
          </Button>
        </div>
      )}
    </>
  );
}

function EnrolmentTable(props: { rows: Enrolment[]; campaign: Campaign; canChange: boolean }) {
  const voice = useVoice();
  return (
    <Table size="small" aria-label="People in this campaign" data-testid="web-enrolments">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Enrolled</TableHeaderCell>
          {props.canChange && <TableHeaderCell>Action</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((e) => (
          <TableRow key={e.id} data-testid={`web-enrolment-${e.email}`}>
            <TableCell>{e.email}</TableCell>
            <TableCell>{e.displayName ?? ''}</TableCell>
            <TableCell data-testid="enrolment-status">
              {voice.enrolmentStatus({ ...e, totalSteps: props.campaign.steps.length })}
            </TableCell>
            <TableCell>{voice.time(e.enrolledAt)}</TableCell>
            {props.canChange && (
              <TableCell>
                {e.status === 'active' && <RemoveButton campaignId={props.campaign.id} enrolment={e} />}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Two clicks, asked in the page (a modal's focus trap fails axe): the person's waiting emails are cancelled. */
function RemoveButton({ campaignId, enrolment }: { campaignId: string; enrolment: Enrolment }) {
  const [asking, setAsking] = useState(false);
  const remove = useRemoveEnrolment(campaignId);
  if (!asking)
    return (
      <Button size="small" onClick={() => setAsking(true)} data-testid="web-enrolment-remove">
        Remove
      </Button>
    );
  return (
    <span>
      <Button
        size="small"
        appearance="primary"
        disabled={remove.isPending}
        onClick={() => remove.mutate(enrolment.id)}
        data-testid="web-enrolment-remove-confirm"
      >
        Remove {enrolment.email}
      </Button>{' '}
      <Button size="small" onClick={() => setAsking(false)}>
        Keep
      </Button>
      <ApiProblem error={remove.error} />
    </span>
  );
}
