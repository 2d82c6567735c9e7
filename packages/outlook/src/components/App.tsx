import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Clock } from '@sendwell/core';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { SendwellApi } from '../api/types';
import { useComposeExtras } from '../hooks/useComposeExtras';
import { useConnection } from '../hooks/useConnection';
import { useDraftState } from '../hooks/useDraftState';
import { useFeed } from '../hooks/useFeed';
import { useLoad } from '../hooks/useLoad';
import { type Ticker, useNow } from '../hooks/useNow';
import { useSendDraft } from '../hooks/useSendDraft';
import { useTemplateInsert } from '../hooks/useTemplateInsert';
import { awaitsMailbox, connectionKey } from '../model/connection';
import { checkHost } from '../model/host';
import type { OpenAuthWindow } from '../office/authWindow';
import type { ComposeItem } from '../office/types';
import { CampaignSection } from './CampaignSection';
import { ChannelCard } from './ChannelCard';
import { ConnectionBanner } from './ConnectionBanner';
import { HostNotice } from './HostNotice';
import { LiveFeed } from './LiveFeed';
import { QuotaCard } from './QuotaCard';
import { SendPanel } from './SendPanel';
import { TemplateSection } from './TemplateSection';
import { browserTimeZone, useVoice, VoiceProvider } from './voice';

export interface PaneDeps {
  item: ComposeItem;
  api: SendwellApi;
  clock: Clock;
  /** Makes a draft's idempotency key, once per draft (it is then remembered with the draft). */
  newIdempotencyKey: () => string;
  /** Re-derives times ("in 3 s") on every tick; every second unless a test drives it. */
  ticker?: Ticker;
  /** The rep's IANA time zone for clock times; the browser's unless a test sets it. */
  timeZone?: string;
  /** Opens a provider's consent page (Office dialog, else a browser window); settles when it is done. */
  openAuthWindow: OpenAuthWindow;
}

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalM,
    gap: tokens.spacingVerticalXS,
  },
});

function PaneFrame(props: { item: ComposeItem; children: ReactNode }) {
  const styles = useStyles();
  const voice = useVoice();
  return (
    <main className={styles.pane}>
      <header>
        <Caption1 as="h1" block style={{ margin: 0 }} data-testid="pane-user">
          {voice.t('pane.title', { name: props.item.userName, email: props.item.userEmail })}
        </Caption1>
      </header>
      {props.children}
    </main>
  );
}

/** Reload the quota once its next free slot has come, so "Next free slot in 2 s" never lingers. */
function useQuotaRefresh(nextFreeAt: string | null, now: Date, reload: () => void) {
  const reloadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!nextFreeAt || reloadedFor.current === nextFreeAt) return;
    if (new Date(nextFreeAt).getTime() > now.getTime()) return;
    reloadedFor.current = nextFreeAt;
    reload();
  }, [nextFreeAt, now, reload]);
}

/** A mailbox connected, lost or disabled changes the channel and the quota: read them again. */
function useReloadOnConnectionChange(key: string, reloadChannel: () => void, reloadQuota: () => void) {
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    const first = previous.current === 'loading';
    previous.current = key;
    if (first) return; // the first answer: channel and quota were loaded alongside it
    reloadChannel();
    reloadQuota();
  }, [key, reloadChannel, reloadQuota]);
}

function Pane(props: { deps: PaneDeps }) {
  const { item, api, clock } = props.deps;
  const channel = useLoad(() => api.getChannel());
  const quota = useLoad(() => api.getQuota());
  const templates = useLoad(() => api.listTemplates());
  const me = useLoad(() => api.getMe());
  const feed = useFeed(api);
  const now = useNow(clock, props.deps.ticker);
  const draft = useDraftState(item.memory, props.deps.newIdempotencyKey);
  const insert = useTemplateInsert(item, draft.store);
  const send = useSendDraft(props.deps, draft.store);
  const { cancel, finder, people, enrol } = useComposeExtras(api, item, send.send, feed.latest);

  const connection = useConnection(api, feed.latest, props.deps.openAuthWindow);
  const reloadQuota = quota.reload;
  useEffect(() => {
    if (feed.latest) reloadQuota(); // every send, bounce or pause moves the numbers
  }, [feed.latest, reloadQuota]);
  useReloadOnConnectionChange(
    connectionKey(connection.connection.state === 'ready' ? connection.connection.value : null),
    channel.reload,
    reloadQuota,
  );
  useQuotaRefresh(quota.state === 'ready' ? quota.value.nextFreeAt : null, now, reloadQuota);

  const withoutMailbox = awaitsMailbox(
    connection.connection.state === 'ready' ? connection.connection.value : null,
  );
  const voice = useVoice();
  const blockedBecause = channel.state === 'failed' ? voice.t('pane.sendingOff') : null;
  const feedEvents = useMemo(() => feed.entries.map((entry) => entry.event), [feed.entries]);
  const templateList = templates.state === 'ready' ? templates.value : [];
  return (
    <PaneFrame item={item}>
      <ConnectionBanner control={connection} />
      {withoutMailbox ? null : <ChannelCard channel={channel} userEmail={item.userEmail} />}
      {withoutMailbox ? null : <QuotaCard quota={quota} />}
      <TemplateSection
        api={api}
        templates={templates}
        latestEvent={feed.latest}
        insert={insert}
        onInserted={send.reset}
        finder={finder}
      />
      <SendPanel
        send={send}
        draft={draft.state}
        insert={insert}
        templates={templateList}
        close={item.close}
        blockedBecause={blockedBecause}
        events={feedEvents}
        now={now}
      />
      <CampaignSection enrol={enrol} people={people} />
      <LiveFeed
        feed={feed}
        events={feedEvents}
        userId={me.state === 'ready' ? me.value.user.id : null}
        cancel={cancel}
      />
    </PaneFrame>
  );
}

/**
 * An account Sendwell cannot send from gets the explanation and what to do, and nothing else: no
 * channel, quota or feed that would suggest otherwise (and no calls to the API).
 */
export function App(props: { deps: PaneDeps }) {
  const { item, clock } = props.deps;
  const host = checkHost(item.accountType);
  return (
    <VoiceProvider
      displayLanguage={item.displayLanguage}
      timeZone={props.deps.timeZone ?? browserTimeZone()}
      clock={clock}
    >
      {host.supported ? (
        <Pane deps={props.deps} />
      ) : (
        <PaneFrame item={item}>
          <HostNotice check={host} />
        </PaneFrame>
      )}
    </VoiceProvider>
  );
}
