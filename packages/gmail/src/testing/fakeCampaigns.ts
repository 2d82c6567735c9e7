import {
  type Enrolment,
  type EnrolPerson,
  type EnrolRowError,
  enrolPersonSchema,
  type LeftReason,
  type PersonStatus,
} from '@sendwell/core';
import type {
  CampaignChoice,
  EnrolOutcome,
  NoticeRecipient,
  NoticeView,
  PersonOutcome,
  SuppressOutcome,
  TemplateView,
} from '../deps';

/** The campaign side of the fake server: what H2's and H3's routes do, in memory. */
export interface FakeCampaignState {
  campaigns: (CampaignChoice & { status: 'active' | 'paused' })[];
  enrolments: Enrolment[];
  /** Live suppressions by lower-cased address. */
  suppressions: Map<string, NonNullable<PersonStatus['suppression']>>;
  /** Bounce notices in the rep's Gmail, by Gmail message id (the person is read live). */
  notices: Map<string, Omit<NoticeRecipient, 'person'>[]>;
  /** Template ids the rep sent with, newest first (GET /templates/recent). */
  recentTemplateIds: string[];
}

export const emptyCampaignState = (): FakeCampaignState => ({
  campaigns: [{ id: 'c-intro', name: 'Intro sequence', status: 'active' }],
  enrolments: [],
  suppressions: new Map(),
  notices: new Map(),
  recentTemplateIds: [],
});

const NOW = '2026-03-02T10:00:00.000Z';
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function personStatusOf(state: FakeCampaignState, email: string): PersonStatus {
  return {
    email,
    enrolments: state.enrolments.filter((e) => same(e.email, email)),
    suppression: state.suppressions.get(email.toLowerCase()) ?? null,
  };
}

/** The person leaves every active campaign (as the server's exits do), with the reason. */
export function leaveAll(state: FakeCampaignState, email: string, reason: LeftReason): number {
  const active = state.enrolments.filter((e) => same(e.email, email) && e.status === 'active');
  for (const e of active)
    Object.assign(e, { status: 'left', leftReason: reason, nextAt: null, nextStep: null });
  return active.length;
}

function enrolmentFor(state: FakeCampaignState, campaign: CampaignChoice, person: EnrolPerson): Enrolment {
  return {
    id: `e-${state.enrolments.length + 1}`,
    campaignId: campaign.id,
    campaignName: campaign.name,
    email: person.email,
    displayName: person.displayName ?? null,
    status: 'active',
    leftReason: null,
    leftDetail: null,
    stepsSent: 0,
    nextStep: 0,
    nextAt: NOW,
    enrolledAt: NOW,
    updatedAt: NOW,
  };
}

/** One row of an enrolment batch: the server's checks, in its order. */
function checkRow(
  state: FakeCampaignState,
  campaignId: string,
  raw: unknown,
  row: number,
  seen: Set<string>,
): EnrolPerson | EnrolRowError {
  const parsed = enrolPersonSchema.safeParse(raw);
  const email =
    typeof (raw as { email?: unknown })?.email === 'string' ? (raw as { email: string }).email : null;
  const refuse = (code: EnrolRowError['code'], message: string): EnrolRowError => ({
    row,
    email,
    code,
    message,
  });
  if (!parsed.success) return refuse('invalid', parsed.error.issues[0]?.message ?? 'Not a valid person.');
  const key = parsed.data.email.toLowerCase();
  if (seen.has(key)) return refuse('duplicate-in-batch', 'Listed twice in this batch.');
  seen.add(key);
  const suppression = state.suppressions.get(key);
  if (suppression) return refuse('suppressed', suppression.message);
  if (state.enrolments.some((e) => e.campaignId === campaignId && same(e.email, key)))
    return refuse('already-enrolled', 'Already in this campaign.');
  return parsed.data;
}

export function fakeCampaignDeps(state: FakeCampaignState, templates: () => TemplateView[]) {
  return {
    searchTemplates: async (_userId: string, query: string) => {
      const q = query.toLowerCase();
      return templates().filter(
        (t) => t.name.toLowerCase().includes(q) || t.subject.toLowerCase().includes(q),
      );
    },
    recentTemplates: async () =>
      state.recentTemplateIds.flatMap((id) => templates().filter((t) => t.id === id)).slice(0, 5),
    campaigns: async () =>
      state.campaigns.filter((c) => c.status === 'active').map(({ id, name }) => ({ id, name })),
    enrol: async (_userId: string, campaignId: string, people: EnrolPerson[]): Promise<EnrolOutcome> => {
      const campaign = state.campaigns.find((c) => c.id === campaignId);
      if (!campaign) return { outcome: 'refused', code: 'campaign-not-found', message: 'No such campaign.' };
      const seen = new Set<string>();
      const errors: EnrolRowError[] = [];
      const enrolmentIds: string[] = [];
      people.forEach((raw, row) => {
        const checked = checkRow(state, campaignId, raw, row, seen);
        if ('code' in checked) {
          errors.push(checked);
          return;
        }
        const enrolment = enrolmentFor(state, campaign, checked);
        state.enrolments.push(enrolment);
        enrolmentIds.push(enrolment.id);
      });
      return {
        outcome: 'enrolled',
        answer: { enrolled: enrolmentIds.length, enrolmentIds, errors, dryRun: false },
      };
    },
    personStatus: async (_userId: string, email: string): Promise<PersonOutcome> => ({
      outcome: 'person',
      person: personStatusOf(state, email),
    }),
    removePerson: async (_userId: string, email: string): Promise<PersonOutcome> => {
      leaveAll(state, email, 'removed');
      return { outcome: 'person', person: personStatusOf(state, email) };
    },
    suppress: async (_userId: string, email: string): Promise<SuppressOutcome> => {
      state.suppressions.set(email.toLowerCase(), {
        reason: 'manual',
        message: 'Suppressed by a teammate.',
        since: NOW,
        until: null,
      });
      return { outcome: 'suppressed', person: personStatusOf(state, email) };
    },
    bounceNotice: async (_userId: string, messageId: string): Promise<NoticeView | null> => {
      const recipients = state.notices.get(messageId);
      if (!recipients) return null;
      return { recipients: recipients.map((r) => ({ ...r, person: personStatusOf(state, r.email) })) };
    },
  };
}
