import type { PersonStatus, Voice } from '@sendwell/core';
import type { CampaignChoice, TemplateView } from '../deps';
import { personLines } from './campaignWords';
import type { Button, CardAction, CardSection, Widget } from './types';
import { action, button, buttonList, decorated, escapeText, paragraph } from './widgets';

/**
 * The issue-9 parts of the compose card: template search and recently used, "send at", and the
 * draft's people in campaigns (status, Remove, Add to campaign). Inputs are found by `name` (Gmail
 * add-on widgets have no id); the names double as the previewer's test ids.
 */
export const SEARCH_INPUT = 'template-search';
export const SEND_AT_INPUT = 'send-at';
export const CAMPAIGN_INPUT = 'campaign-picker';

export interface ComposeExtras {
  /** What the rep typed in the search box, and what the server found (null: no search). */
  search: { query: string; results: TemplateView[] | null };
  recent: TemplateView[];
  /** The chosen "send at" instant, kept across re-renders; null = as soon as the throttle allows. */
  sendAt: Date | null;
  /** The rep's zone offset now, in minutes (the picker shows its value in it). */
  zoneOffsetMinutes: number;
  /** Each To recipient's campaigns and suppression (null: could not be read). */
  people: { email: string; person: PersonStatus | null }[];
  campaigns: CampaignChoice[];
  selectedCampaignId: string | undefined;
}

interface Common {
  addonUrl: string;
  voice: Voice;
  /** The parameters every compose action carries (session, stamp, sent draft). */
  parameters: Record<string, string | undefined>;
}

/** The search box; choosing happens in the template picker, which lists the matches. */
export function searchWidgets(extras: ComposeExtras, c: Common): Widget[] {
  const box: Widget = {
    textInput: {
      name: SEARCH_INPUT,
      label: c.voice.t('compose.searchTemplates'),
      value: extras.search.query,
      onChangeAction: refreshAction(c),
    },
  };
  const none = extras.search.results?.length === 0;
  return none
    ? [box, paragraph(escapeText(c.voice.t('compose.noTemplateMatch', { q: extras.search.query })))]
    : [box];
}

const refreshAction = (c: Common): CardAction => action(c.addonUrl, 'compose-refresh', c.parameters);

/** One button per recently used template: a click selects it in the picker. */
export function recentSection(extras: ComposeExtras, c: Common): CardSection[] {
  if (!extras.recent.length) return [];
  const buttons = extras.recent.map((t) =>
    button(c.addonUrl, t.name, 'template-recent', { ...c.parameters, templateId: t.id }),
  );
  return [{ header: escapeText(c.voice.t('compose.recentlyUsed')), widgets: [buttonList(buttons)] }];
}

/** "Send at": a date and time in the rep's zone; empty = now (the throttle still paces it). */
export function sendAtWidget(extras: ComposeExtras, voice: Voice): Widget {
  return {
    dateTimePicker: {
      name: SEND_AT_INPUT,
      label: voice.t('compose.sendAtOptional'),
      type: 'DATE_AND_TIME',
      timezoneOffsetDate: extras.zoneOffsetMinutes,
      ...(extras.sendAt ? { valueMsEpoch: String(extras.sendAt.getTime()) } : {}),
    },
  };
}

const isActive = (person: PersonStatus | null) => !!person?.enrolments.some((e) => e.status === 'active');

/** A person's row: their address, each campaign's status (core's words), Remove while active. */
function personWidget(email: string, person: PersonStatus | null, c: Common): Widget {
  const lines = person ? personLines(c.voice, person) : ['—'];
  const remove: Button = button(c.addonUrl, c.voice.t('campaign.action.remove'), 'person-remove', {
    ...c.parameters,
    email,
  });
  return decorated({
    topLabel: escapeText(email),
    text: lines.map(escapeText).join('<br>'),
    ...(isActive(person) ? { button: remove } : {}),
  });
}

function campaignPicker(extras: ComposeExtras, voice: Voice): Widget {
  const selected =
    extras.campaigns.find((k) => k.id === extras.selectedCampaignId)?.id ?? extras.campaigns[0]?.id;
  return {
    selectionInput: {
      name: CAMPAIGN_INPUT,
      label: voice.t('campaign.singular'),
      type: 'DROPDOWN',
      items: extras.campaigns.map((k) => ({
        text: escapeText(k.name),
        value: k.id,
        selected: k.id === selected,
      })),
    },
  };
}

/** The draft's To people in campaigns, and "Add to campaign" for all of them. */
export function campaignSection(extras: ComposeExtras, c: Common): CardSection[] {
  if (!extras.people.length) return [];
  const widgets = extras.people.map(({ email, person }) => personWidget(email, person, c));
  if (!extras.campaigns.length) widgets.push(paragraph(escapeText(c.voice.t('campaign.noneActive'))));
  else
    widgets.push(
      campaignPicker(extras, c.voice),
      buttonList([button(c.addonUrl, c.voice.t('campaign.action.add'), 'campaign-add', c.parameters)]),
    );
  return [{ header: escapeText(c.voice.t('campaign.plural')), widgets }];
}
