import { randomUUID } from 'node:crypto';
import { type EnrolAnswer, type EnrolRowError, enrolBodySchema, enrolPersonSchema } from '@sendwell/core';
import type { z } from 'zod';
import { findEnrolledEmails, insertEnrolment } from '../store/campaignEnrolments';
import type { CampaignRow } from '../store/campaigns';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow, UserRow } from '../store/rows';
import { findLiveSuppressions } from '../store/suppressions';
import { dueAt } from './campaignSteps';
import { allowChange, type CampaignDeps, campaignFor } from './campaigns';
import { describeIssues, parseOrRefuse } from './errors';
import { suppressionSentence } from './suppressionCheck';

/**
 * Enrolling people (CSV import, the pane, the card, the API): each row is checked on its own and a
 * refused row never stops the others. A suppressed address, someone already in the campaign, or
 * the same address twice in the batch is refused with its row number and why. `dryRun` checks only.
 */

type Person = z.output<typeof enrolPersonSchema>;
interface Checked {
  accepted: { row: number; person: Person }[];
  errors: EnrolRowError[];
}

const emailOf = (raw: unknown): string | null => {
  const email = (raw as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : null;
};

const FIELDS = ['email', 'timeZone', 'displayName', 'fields'] as const;
/** Which value of the row is wrong, when it is one of the person's (absent: the row as a whole or its email). */
const fieldOf = (key: PropertyKey | undefined) => FIELDS.find((f) => f === key && f !== 'email');

/** Shape, time zone and duplicates within the batch: everything that needs no database. */
function checkRows(people: unknown[]): Checked {
  const out: Checked = { accepted: [], errors: [] };
  const seen = new Set<string>();
  people.forEach((raw, row) => {
    const parsed = enrolPersonSchema.safeParse(raw);
    if (!parsed.success) {
      const message = describeIssues(parsed.error).message;
      const field = fieldOf(parsed.error.issues[0]?.path[0]);
      out.errors.push({ row, email: emailOf(raw), code: 'invalid', ...(field ? { field } : {}), message });
      return;
    }
    const person = parsed.data;
    if (seen.has(person.email)) {
      const message = `${person.email} is already in this list once; it is enrolled once.`;
      out.errors.push({ row, email: person.email, code: 'duplicate-in-batch', message });
      return;
    }
    seen.add(person.email);
    out.accepted.push({ row, person });
  });
  return out;
}

/** Suppressed addresses and people already in the campaign leave the accepted list with their reason. */
async function checkAgainstTeam(
  deps: CampaignDeps,
  campaign: CampaignRow,
  checked: Checked,
): Promise<Checked> {
  const emails = checked.accepted.map((a) => a.person.email);
  const suppressed = new Map(
    (await findLiveSuppressions(deps.db, campaign.tenantId, emails, deps.clock.now())).map((s) => [
      s.email,
      s,
    ]),
  );
  const enrolled = await findEnrolledEmails(deps.db, campaign.id, emails);
  const errors = [...checked.errors];
  const accepted = checked.accepted.filter(({ row, person }) => {
    const suppression = suppressed.get(person.email);
    if (suppression) {
      errors.push({
        row,
        email: person.email,
        code: 'suppressed',
        message: suppressionSentence(suppression),
      });
      return false;
    }
    if (enrolled.has(person.email)) {
      errors.push({
        row,
        email: person.email,
        code: 'already-enrolled',
        message: alreadyIn(person.email, campaign),
      });
      return false;
    }
    return true;
  });
  return { accepted, errors };
}

const alreadyIn = (email: string, campaign: CampaignRow) =>
  `${email} is already in the campaign ${campaign.name}; nobody is enrolled twice.`;

interface Inserted {
  ids: string[];
  errors: EnrolRowError[];
  event: EventRow | null;
}

/** Inside one transaction: each accepted person in, at the first step's due time; one feed event. */
async function insertAccepted(
  tx: Db,
  campaign: CampaignRow,
  user: UserRow,
  source: string,
  checked: Checked,
  now: Date,
): Promise<Inserted> {
  const ids: string[] = [];
  const emails: string[] = [];
  const errors = [...checked.errors];
  for (const { row, person } of checked.accepted) {
    const inserted = await insertEnrolment(tx, {
      id: randomUUID(),
      campaignId: campaign.id,
      tenantId: campaign.tenantId,
      email: person.email,
      displayName: person.displayName?.trim() || null,
      timeZone: person.timeZone ?? null,
      fields: person.fields,
      nextStep: 0,
      nextAt: dueAt(campaign, campaign.steps[0]!, person, now),
      source,
      enrolledBy: user.id,
      enrolledAt: now,
      updatedAt: now,
    });
    // Enrolled by someone else since the check: refused like any duplicate, never twice.
    if (!inserted) {
      errors.push({
        row,
        email: person.email,
        code: 'already-enrolled',
        message: alreadyIn(person.email, campaign),
      });
      continue;
    }
    ids.push(inserted.id);
    emails.push(inserted.email);
  }
  if (ids.length === 0) return { ids, errors, event: null };
  const event = await insertEvent(tx, {
    userId: campaign.ownerId,
    type: 'campaign.enrolled',
    sendId: null,
    templateId: null,
    recipient: emails.length === 1 ? emails[0]! : null,
    detail: {
      campaignId: campaign.id,
      campaignName: campaign.name,
      count: ids.length,
      source,
      byId: user.id,
    },
    at: now,
  });
  return { ids, errors, event };
}

export async function enrol(
  deps: CampaignDeps,
  user: UserRow,
  campaignId: string,
  body: z.input<typeof enrolBodySchema>,
): Promise<EnrolAnswer> {
  const request = parseOrRefuse(enrolBodySchema, body, 'Nobody enrolled');
  const campaign = await campaignFor(deps.db, user, campaignId);
  allowChange(user, campaign);
  const checked = await checkAgainstTeam(deps, campaign, checkRows(request.people));
  const byRow = (a: EnrolRowError, b: EnrolRowError) => a.row - b.row;
  if (request.dryRun)
    return {
      enrolled: checked.accepted.length,
      enrolmentIds: [],
      errors: checked.errors.sort(byRow),
      dryRun: true,
    };
  const now = deps.clock.now();
  const { ids, errors, event } = await deps.db.transaction((tx) =>
    insertAccepted(tx, campaign, user, request.source, checked, now),
  );
  if (event) deps.hub.publish(event);
  return { enrolled: ids.length, enrolmentIds: ids, errors: errors.sort(byRow), dryRun: false };
}
