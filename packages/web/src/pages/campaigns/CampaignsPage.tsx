import {
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
import { ToneBadge } from './CampaignHeader';
import { useCampaignList } from './campaignApi';
import { PersonLookup } from './PersonLookup';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
});

const route = getRouteApi('/signed-in/campaigns');

/** Campaigns: mine or the team's (everyone in a team sees its campaigns), by status, with their counts. */
export function CampaignsPage() {
  const styles = useStyles();
  const voice = useVoice();
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
            value={search.status ? voice.t(`campaign.status.${search.status}`) : 'Any status'}
            selectedOptions={[search.status ?? '']}
            onOptionSelect={(_e, d) =>
              setSearch({ status: (d.optionValue || undefined) as CampaignStatus | undefined })
            }
            data-testid="web-campaigns-status"
          >
            <Option value="">Any status</Option>
            {CAMPAIGN_STATUSES.map((s) => (
              <Option key={s} value={s}>
                {voice.t(`campaign.status.${s}`)}
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
          <TableHeaderCell>{voice.countLabel('active')}</TableHeaderCell>
          <TableHeaderCell>{voice.countLabel('sent')}</TableHeaderCell>
          <TableHeaderCell>{voice.countLabel('replied')}</TableHeaderCell>
          <TableHeaderCell>{voice.countLabel('bouncedHard')}</TableHeaderCell>
          <TableHeaderCell>{voice.countLabel('finished')}</TableHeaderCell>
          <TableHeaderCell>{voice.countLabel('left')}</TableHeaderCell>
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
              <ToneBadge line={voice.campaignStatus(c)} />
            </TableCell>
            <TableCell>{c.steps.length}</TableCell>
            <TableCell>{voice.number(c.counts.active)}</TableCell>
            <TableCell>{voice.number(c.counts.sent)}</TableCell>
            <TableCell>{voice.number(c.counts.replied)}</TableCell>
            <TableCell>{voice.number(c.counts.bouncedHard)}</TableCell>
            <TableCell>{voice.number(c.counts.finished)}</TableCell>
            <TableCell>{voice.number(c.counts.left)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
