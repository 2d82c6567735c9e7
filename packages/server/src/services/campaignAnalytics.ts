import { type CampaignAnalytics, LEFT_REASONS, type LeftReason, type StepCounts } from '@sendwell/core';
import { findBounceRules } from '../store/bounceRules';
import type { CampaignRow } from '../store/campaigns';
import type { Db } from '../store/db';

/**
 * Campaign analytics from what happened, never from a counter kept on the side: sends (submitted),
 * bounce notices (failures; delays are not bounces), replies (auto-replies excluded) and the
 * enrolments (finished, left by reason). One row per send counts once however many notices it got.
 */

interface StepRaw {
  reached: number;
  sent: number;
  hard: number;
  soft: number;
  replied: number;
  unsubscribed: number;
  opened: number;
  clicked: number;
  machineOpens: number;
  machineClicks: number;
}

interface CampaignRaw {
  steps: Map<string, StepRaw>;
  enrolled: number;
  active: number;
  finished: number;
  left: Record<LeftReason, number>;
}

const emptyStep = (): StepRaw => ({
  reached: 0,
  sent: 0,
  hard: 0,
  soft: 0,
  replied: 0,
  unsubscribed: 0,
  opened: 0,
  clicked: 0,
  machineOpens: 0,
  machineClicks: 0,
});
const emptyLeft = () => Object.fromEntries(LEFT_REASONS.map((r) => [r, 0])) as Record<LeftReason, number>;

const SEND_STATS = `
  with failures as (
    select b.send_id, bool_or(coalesce(b.hard, false)) as hard from bounces b
    where coalesce(b.action, 'failed') <> 'delayed' and b.send_id is not null group by b.send_id
  )
  select s.campaign_id, s.step_id,
    count(distinct s.enrolment_id) filter (where s.status <> 'cancelled')::int as reached,
    count(*) filter (where s.status = 'submitted')::int as sent,
    count(*) filter (where f.hard)::int as hard,
    count(*) filter (where f.hard = false)::int as soft,
    count(*) filter (where exists (select 1 from replies r where r.send_id = s.id and not r.auto))::int as replied
  from sends s left join failures f on f.send_id = s.id
  where s.campaign_id = any($1::text[]) group by s.campaign_id, s.step_id`;

// An unsubscribe belongs to the email it came from (the exit's evidence), else the person's last one.
const UNSUBSCRIBED = `
  select e.campaign_id, s.step_id, count(*)::int as n from enrolments e
  join sends s on s.id = coalesce(e.left_detail->>'sendId', e.last_send_id)
  where e.campaign_id = any($1::text[]) and e.left_reason = 'unsubscribed' group by e.campaign_id, s.step_id`;

// Per message, not per request: a person's open wins over any machine's, so the two never overlap.
const ENGAGEMENT = `
  with per_send as (
    select s.campaign_id, s.step_id, e.send_id,
      bool_or(e.kind = 'open' and not e.machine) as opened,
      bool_or(e.kind = 'open' and e.machine) as machine_opened,
      bool_or(e.kind = 'click' and not e.machine) as clicked,
      bool_or(e.kind = 'click' and e.machine) as machine_clicked
    from engagement e join sends s on s.id = e.send_id
    where s.campaign_id = any($1::text[]) group by s.campaign_id, s.step_id, e.send_id
  )
  select campaign_id, step_id,
    count(*) filter (where opened)::int as opened,
    count(*) filter (where machine_opened and not opened)::int as machine_opens,
    count(*) filter (where clicked)::int as clicked,
    count(*) filter (where machine_clicked and not clicked)::int as machine_clicks
  from per_send group by campaign_id, step_id`;

const ENROLMENT_STATS = `
  select campaign_id, status, left_reason, count(*)::int as n from enrolments
  where campaign_id = any($1::text[]) group by campaign_id, status, left_reason`;

async function rawCounts(db: Db, ids: string[]): Promise<Map<string, CampaignRaw>> {
  const out = new Map<string, CampaignRaw>(
    ids.map((id) => [id, { steps: new Map(), enrolled: 0, active: 0, finished: 0, left: emptyLeft() }]),
  );
  if (ids.length === 0) return out;
  const step = (campaignId: string, stepId: string) => {
    const c = out.get(campaignId)!;
    if (!c.steps.has(stepId)) c.steps.set(stepId, emptyStep());
    return c.steps.get(stepId)!;
  };
  for (const r of await db.query<Record<string, unknown>>(SEND_STATS, [ids]))
    Object.assign(step(String(r.campaign_id), String(r.step_id)), {
      reached: Number(r.reached),
      sent: Number(r.sent),
      hard: Number(r.hard),
      soft: Number(r.soft),
      replied: Number(r.replied),
    });
  for (const r of await db.query<Record<string, unknown>>(UNSUBSCRIBED, [ids]))
    step(String(r.campaign_id), String(r.step_id)).unsubscribed = Number(r.n);
  for (const r of await db.query<Record<string, unknown>>(ENGAGEMENT, [ids]))
    Object.assign(step(String(r.campaign_id), String(r.step_id)), {
      opened: Number(r.opened),
      clicked: Number(r.clicked),
      machineOpens: Number(r.machine_opens),
      machineClicks: Number(r.machine_clicks),
    });
  for (const r of await db.query<Record<string, unknown>>(ENROLMENT_STATS, [ids])) {
    const c = out.get(String(r.campaign_id))!;
    const n = Number(r.n);
    c.enrolled += n;
    if (r.status === 'active') c.active += n;
    if (r.status === 'finished') c.finished += n;
    if (r.status === 'left') c.left[(r.left_reason as LeftReason | null) ?? 'removed'] += n;
  }
  return out;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function stepCounts(raw: StepRaw, enrolled: number, finished: number): StepCounts {
  return {
    enrolled,
    sent: raw.sent,
    bouncedHard: raw.hard,
    bouncedSoft: raw.soft,
    replied: raw.replied,
    unsubscribed: raw.unsubscribed,
    finished,
    bounceRate: rate(raw.hard + raw.soft, raw.sent),
    replyRate: rate(raw.replied, raw.sent),
    unsubscribeRate: rate(raw.unsubscribed, raw.sent),
    engagement: {
      opened: raw.opened,
      clicked: raw.clicked,
      machineOpens: raw.machineOpens,
      machineClicks: raw.machineClicks,
    },
  };
}

function sumSteps(steps: Iterable<StepRaw>): StepRaw {
  const total = emptyStep();
  for (const s of steps) for (const key of Object.keys(total) as (keyof StepRaw)[]) total[key] += s[key];
  return total;
}

function analyticsOf(campaign: CampaignRow, raw: CampaignRaw): Omit<CampaignAnalytics, 'tracking'> {
  const last = campaign.steps.length - 1;
  return {
    campaignId: campaign.id,
    // Steps removed by an edit still count in the total: their emails went out.
    total: stepCounts(sumSteps(raw.steps.values()), raw.enrolled, raw.finished),
    steps: campaign.steps.map((s, index) => {
      const stepRaw = raw.steps.get(s.id) ?? emptyStep();
      return {
        ...stepCounts(stepRaw, stepRaw.reached, index === last ? raw.finished : 0),
        stepId: s.id,
        index,
      };
    }),
    left: raw.left,
  };
}

/** `GET /campaigns/{id}/analytics`: the whole campaign, each step, and who left why. */
export async function campaignAnalytics(db: Db, campaign: CampaignRow): Promise<CampaignAnalytics> {
  const raw = (await rawCounts(db, [campaign.id])).get(campaign.id)!;
  // The team's switches as they are now: rows recorded before a switch went off still count.
  const rules = await findBounceRules(db, campaign.tenantId);
  return { ...analyticsOf(campaign, raw), tracking: { opens: rules.trackOpens, clicks: rules.trackClicks } };
}

/** The totals each campaign of a list shows, plus how many people are active and how many left. */
export async function campaignTotals(
  db: Db,
  campaigns: CampaignRow[],
): Promise<Map<string, StepCounts & { active: number; left: number }>> {
  const raws = await rawCounts(
    db,
    campaigns.map((c) => c.id),
  );
  return new Map(
    campaigns.map((c) => {
      const raw = raws.get(c.id)!;
      const left = Object.values(raw.left).reduce((a, b) => a + b, 0);
      return [c.id, { ...analyticsOf(c, raw).total, active: raw.active, left }];
    }),
  );
}
