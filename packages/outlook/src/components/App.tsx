import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Clock } from '@sendwell/core';
import { useEffect, useMemo, useState } from 'react';
import type { SendwellApi } from '../api/types';
import { useFeed } from '../hooks/useFeed';
import { useLoad } from '../hooks/useLoad';
import { checkHost } from '../model/host';
import type { ComposeItem } from '../office/types';
import { ChannelCard } from './ChannelCard';
import { HostNotice } from './HostNotice';
import { LiveFeed } from './LiveFeed';
import { QuotaCard } from './QuotaCard';
import { SendPanel } from './SendPanel';
import { TemplateSection } from './TemplateSection';

export interface PaneDeps {
  item: ComposeItem;
  api: SendwellApi;
  clock: Clock;
  newIdempotencyKey: () => string;
}

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalM,
    gap: tokens.spacingVerticalXS,
  },
});

export function App(props: { deps: PaneDeps }) {
  const styles = useStyles();
  const { item, api, clock } = props.deps;
  const host = checkHost(item.accountType);
  const channel = useLoad(() => api.getChannel());
  const quota = useLoad(() => api.getQuota());
  const templates = useLoad(() => api.listTemplates());
  const feed = useFeed(api);
  const [insertedTemplateId, setInsertedTemplateId] = useState<string | undefined>();

  const reloadQuota = quota.reload;
  useEffect(() => {
    if (feed.latest) reloadQuota(); // every send, bounce or pause moves the numbers
  }, [feed.latest, reloadQuota]);

  const blockedBecause = !host.supported
    ? 'Sending is off for this account (see above).'
    : channel.state === 'failed'
      ? 'Sending is off until an Exchange Online mailbox is connected.'
      : null;
  const now = clock.now();
  const feedEvents = useMemo(() => feed.entries.map((entry) => entry.event), [feed.entries]);
  return (
    <main className={styles.pane}>
      <header>
        <Caption1 block data-testid="pane-user">
          Sendwell for {item.userName} · {item.userEmail}
        </Caption1>
      </header>
      {!host.supported && <HostNotice check={host} />}
      <ChannelCard channel={channel} userEmail={item.userEmail} />
      <QuotaCard quota={quota} now={now} />
      <TemplateSection
        api={api}
        item={item}
        templates={templates}
        latestEvent={feed.latest}
        onInserted={setInsertedTemplateId}
      />
      <SendPanel
        deps={props.deps}
        templateId={insertedTemplateId}
        blockedBecause={blockedBecause}
        events={feedEvents}
      />
      <LiveFeed feed={feed} now={now} />
    </main>
  );
}
