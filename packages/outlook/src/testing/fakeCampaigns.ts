import type { Campaign, EnrolAnswer, EnrolPerson, PersonStatus } from '../api/types';
import { ApiError } from '../api/types';

type Enrolment = PersonStatus['enrolments'][number];
type Suppression = NonNullable<PersonStatus['suppression']>;

const AT = '2026-03-02T09:00:00.000Z';

/** A campaign as `GET /api/v1/campaigns` lists it: Rae's, active, two steps. */
export function campaign(partial: Partial<Campaign> & Pick<Campaign, 'id' | 'name'>): Campaign {
  const zero = {
    enrolled: 0,
    sent: 0,
    bouncedHard: 0,
    bouncedSoft: 0,
    replied: 0,
    unsubscribed: 0,
    finished: 0,
  };
  const step = (id: string) => ({
    id,
    templateId: 't-intro',
    templateName: 'Intro',
    delay: { amount: 0, unit: 'days' as const, businessDays: false },
    window: null,
    thread: 'new' as const,
  });
  return {
    timeZone: 'UTC',
    status: 'active',
    pause: null,
    owner: { id: 'u-rae', name: 'Rae Rep', email: 'rep@contoso.test' },
    steps: [step('s1'), step('s2')],
    counts: { ...zero, bounceRate: 0, replyRate: 0, unsubscribeRate: 0, active: 0, left: 0 },
    createdAt: AT,
    updatedAt: AT,
    ...partial,
  };
}

/**
 * The campaign routes of an in-memory server, as H2's routes answer them: enrolling checks each row
 * (suppressed, already in, twice in the list) and keeps the others; removing leaves `removed`.
 */
export class FakeCampaigns {
  campaigns: Campaign[] = [];
  /** Addresses the team suppresses (lower case). */
  readonly suppressed = new Map<string, Suppression>();
  private readonly enrolments: Enrolment[] = [];
  /** Every enrol request: campaign id and the people posted. */
  readonly enrolRequests: { campaignId: string; people: EnrolPerson[] }[] = [];
  /** Makes the next `removePerson` fail with this error. */
  removeFailure: ApiError | null = null;
  private nextId = 0;

  enrol(campaignId: string, people: EnrolPerson[]): EnrolAnswer {
    this.enrolRequests.push({ campaignId, people });
    const target = this.campaigns.find((c) => c.id === campaignId);
    if (!target) throw new ApiError('campaign-not-found', `No campaign ${campaignId} in your team.`, 404);
    const answer: EnrolAnswer = { enrolled: 0, enrolmentIds: [], errors: [], dryRun: false };
    const seen = new Set<string>();
    people.forEach((person, row) => {
      const email = person.email.toLowerCase();
      const code = this.refusal(campaignId, email, seen);
      seen.add(email);
      if (code) {
        answer.errors.push({ row, email, code, message: `${email}: ${code}` });
        return;
      }
      const id = `enr-${++this.nextId}`;
      this.enrolments.push(this.enrolment(id, target, email, person.displayName ?? null));
      answer.enrolled++;
      answer.enrolmentIds.push(id);
    });
    return answer;
  }

  person(email: string): PersonStatus {
    const address = email.toLowerCase();
    return {
      email: address,
      enrolments: this.enrolments.filter((e) => e.email === address).map((e) => ({ ...e })),
      suppression: this.suppressed.get(address) ?? null,
    };
  }

  remove(email: string, campaignId: string): PersonStatus {
    if (this.removeFailure) throw this.removeFailure;
    const address = email.toLowerCase();
    for (const e of this.enrolments)
      if (e.email === address && e.campaignId === campaignId && e.status === 'active')
        Object.assign(e, { status: 'left', leftReason: 'removed', nextStep: null, nextAt: null });
    return this.person(address);
  }

  /** What the server records when the sandbox's notice comes back: the person leaves. */
  leave(email: string, campaignId: string, reason: NonNullable<Enrolment['leftReason']>): void {
    const found = this.enrolments.find((e) => e.email === email && e.campaignId === campaignId);
    if (found) Object.assign(found, { status: 'left', leftReason: reason, nextStep: null, nextAt: null });
  }

  private refusal(campaignId: string, email: string, seen: ReadonlySet<string>) {
    if (seen.has(email)) return 'duplicate-in-batch' as const;
    if (this.suppressed.has(email)) return 'suppressed' as const;
    if (this.enrolments.some((e) => e.campaignId === campaignId && e.email === email))
      return 'already-enrolled' as const;
    return null;
  }

  private enrolment(id: string, target: Campaign, email: string, displayName: string | null): Enrolment {
    return {
      id,
      campaignId: target.id,
      campaignName: target.name,
      email,
      displayName,
      status: 'active',
      leftReason: null,
      leftDetail: null,
      stepsSent: 0,
      nextStep: 0,
      nextAt: '2026-03-02T10:00:00.000Z',
      enrolledAt: AT,
      updatedAt: AT,
    };
  }
}
