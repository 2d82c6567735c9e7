import {
  Badge,
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { CAMPAIGN_STATUSES, type Campaign, type CampaignStatus } from '@sendwell/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useVoice } from '../../api/context';
import { ApiProblem, Page, Section } from '../../ui/Page';
import { STATUS_COLOR } from './CampaignHeader';
import { useCampaignList } from './campaignApi';
import { CAMPAIGN_STATUS_WORDS } from './campaignWords';
import { PersonLookup } from './PersonLookup';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
});

const route = getRouteApi('/signed-in/campaigns');

/** Campaigns: mine or the team's (everyone in a team sees its campaigns), by status, with their counts. */
export function CampaignsPage() {
  const styles = useStyles();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const scope = search.scope ?? 'mine';
  const pages = useCampaignList({ scope, status: search.status });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const setSearch = (patch: Partial<typeof search>) =>
    navigate({ search: (old) => ({ ...old, ...patch }), replace: true });
  return (
    <Page title="Campaigns" testId="web-campaigns">
      <div>
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => navigate({ to: '/campaigns/new' })}
          data-testid="web-campaign-new"
        >
          New campaign
        </Button>
      </div>
      <search className={styles.filters}>
        <Field label="Whose campaigns">
          <Dropdown
            value={scope === 'team' ? 'My team' : 'Mine'}
            selectedOptions={[scope]}
            onOptionSelect={(_e, d) => setSearch({ scope: d.optionValue === 'team' ? 'team' : undefined })}
            data-testid="web-campaigns-scope"
          >
            <Option value="mine">Mine</Option>
            <Option value="team">My team</Option>
          </Dropdown>
        </Field>
        <Field label="Status">
          <Dropdown
            value={search.status ? CAMPAIGN_STATUS_WORDS[search.status] : 'Any status'}
            selectedOptions={[search.status ?? '']}
            onOptionSelect={(_e, d) =>
              setSearch({ status: (d.optionValue || undefined) as CampaignStatus | undefined })
            }
            data-testid="web-campaigns-status"
          >
            <Option value="">Any status</Option>
            {CAMPAIGN_STATUSES.map((s) => (
              <Option key={s} value={s}>
                {CAMPAIGN_STATUS_WORDS[s]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </search>
      <ApiProblem error={pages.error} />
      {pages.isPending ? (
        <Spinner size="small" label="Loading campaigns" />
      ) : (
        <CampaignTable rows={rows} team={scope === 'team'} />
      )}
      {pages.hasNextPage && (
        <div>
          <Button onClick={() => pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            Show more campaigns
          </Button>
        </div>
      )}
      <Section title="Find a person" testId="web-person">
        <PersonLookup />
      </Section>
    </Page>
  );
}

function CampaignTable({ rows, team }: { rows: Campaign[]; team: boolean }) {
  const voice = useVoice();
  if (rows.length === 0) return <p data-testid="web-campaigns-empty">No campaigns match.</p>;
  return (
    <Table aria-label="Campaigns" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          {team && <TableHeaderCell>Owner</TableHeaderCell>}
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Steps</TableHeaderCell>
          <TableHeaderCell>Active</TableHeaderCell>
          <TableHeaderCell>Sent</TableHeaderCell>
          <TableHeaderCell>Replied</TableHeaderCell>
          <TableHeaderCell>Bounced</TableHeaderCell>
          <TableHeaderCell>Finished</TableHeaderCell>
          <TableHeaderCell>Left</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((c) => (
          <TableRow key={c.id} data-testid={`web-campaign-row-${c.id}`}>
            <TableCell>
              <Link to="/campaigns/$campaignId" params={{ campaignId: c.id }}>
                {c.name}
              </Link>
            </TableCell>
            {team && <TableCell>{c.owner.name}</TableCell>}
            <TableCell>
              <Badge appearance="tint" color={STATUS_COLOR[c.status]}>
                {CAMPAIGN_STATUS_WORDS[c.status]}
              </Badge>
            </TableCell>
            <TableCell>{c.steps.length}</TableCell>
            <TableCell>{voice.number(c.counts.active)}</TableCell>
            <TableCell>{voice.number(c.counts.sent)}</TableCell>
            <TableCell>{voice.number(c.counts.replied)}</TableCell>
            <TableCell>{voice.number(c.counts.bouncedHard + c.counts.bouncedSoft)}</TableCell>
            <TableCell>{voice.number(c.counts.finished)}</TableCell>
            <TableCell>{voice.number(c.counts.left)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
