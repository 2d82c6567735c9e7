import { type CampaignStepInput, ManualClock, silentLogger } from '@sendwell/core';
import { seedUsers } from '../seed';
import type { Db } from '../store/db';
import { type SendRow, toSend, type UserRow } from '../store/rows';
import { insertTemplate } from '../store/templates';
import { findUser } from '../store/users';
import type { CampaignWorkerDeps } from '../workers/campaignWorker';
import { enrol } from './campaignEnrol';
import { createCampaign } from './campaigns';
import { FeedHub } from './feedHub';

/** Test fixtures for the campaign code: two teams, a template, a campaign with people in it. */

const CAMPAIGN_USERS = [
  {
    id: 'ava',
    email: 'ava@contoso.test',
    name: 'Ava Reyes',
    provider: 'exchange' as const,
    tenantId: 't-contoso',
    mailboxId: 'mbx-ava',
    legacy: false,
  },
  {
    id: 'eli',
    email: 'eli@contoso.test',
    name: 'Eli Park',
    provider: 'exchange' as const,
    tenantId: 't-contoso',
    mailboxId: 'mbx-eli',
    legacy: false,
  },
  {
    id: 'nia',
    email: 'nia@contoso.test',
    name: 'Nia Obi',
    provider: 'exchange' as const,
    tenantId: 't-contoso',
    mailboxId: 'mbx-nia',
    legacy: false,
  },
  {
    id: 'gus',
    email: 'gus@acme.test',
    name: 'Gus Ibarra',
    provider: 'gmail' as const,
    tenantId: 't-acme',
    mailboxId: 'mbx-gus',
    legacy: false,
  },
];

const INTRO = {
  subject: 'Hi {{recipient.firstName|there}}',
  body: '<p>Hello {{recipient.firstName|there}} at {{company|your company}}</p>',
};

export interface CampaignBed {
  db: Db;
  clock: ManualClock;
  hub: FeedHub;
  deps: CampaignWorkerDeps;
  user(id: string): Promise<UserRow>;
  /** A personal template of the user; returns its id. */
  template(ownerId: string, text?: { subject: string; body: string }): Promise<string>;
}

export async function campaignBed(db: Db, start = '2026-03-02T09:00:00Z'): Promise<CampaignBed> {
  await seedUsers(db, CAMPAIGN_USERS);
  const clock = new ManualClock(start);
  const hub = new FeedHub();
  let n = 0;
  return {
    db,
    clock,
    hub,
    deps: { db, clock, hub, logger: silentLogger, wake: () => {} },
    user: async (id) => (await findUser(db, id))!,
    async template(ownerId, text = INTRO) {
      const owner = (await findUser(db, ownerId))!;
      const id = `tpl-${ownerId}-${++n}-${Math.random().toString(36).slice(2, 8)}`;
      await insertTemplate(db, {
        id,
        tenantId: owner.tenantId,
        ownerId,
        scope: 'personal',
        name: `T ${id}`,
        ...text,
      });
      return id;
    },
  };
}

/** A campaign of `ownerId` with these steps (each on a new template unless one is named). */
export async function makeCampaign(bed: CampaignBed, ownerId: string, steps: Partial<CampaignStepInput>[]) {
  const owner = await bed.user(ownerId);
  const withTemplates = await Promise.all(
    steps.map(async (s) => ({
      delay: { amount: 0, unit: 'hours' as const },
      ...s,
      templateId: s.templateId ?? (await bed.template(ownerId)),
    })),
  );
  return createCampaign(bed.deps, owner, {
    name: `Campaign ${Math.random()}`,
    timeZone: 'UTC',
    steps: withTemplates,
  });
}

export async function enrolPeople(bed: CampaignBed, byId: string, campaignId: string, people: unknown[]) {
  return enrol(bed.deps, await bed.user(byId), campaignId, { people });
}

export async function sendsOf(db: Db, enrolmentId: string): Promise<SendRow[]> {
  const rows = await db.query('select * from sends where enrolment_id = $1 order by created_at, id', [
    enrolmentId,
  ]);
  return rows.map(toSend);
}
