import { randomBytes } from 'node:crypto';
import { renderMessage, textPart } from '../mime/build';
import { formatMailbox, rfc5322Date } from '../mime/headers';
import { buildExchangeNdr } from '../notices/exchangeNdr';
import { buildGmailDsn } from '../notices/gmailDsn';
import type { NoticeInput } from '../notices/types';
import { buildReply } from '../responses/reply';
import type { SandboxUser } from '../users';
import type { Filing } from './store';

/** What `POST /dev/mailboxes/fill` asks for (validated by the route). */
export interface FillRequest {
  address: string;
  messages: number;
  bounces: number;
  replies: number;
  /** Message-IDs our sends used: the replies answer these in turn (else ids nobody sent). */
  replyTo?: string[];
  /** How many days back the messages reach (spread evenly, oldest first). */
  days: number;
}

type Kind = 'ordinary' | 'bounce' | 'reply';

/** A small seeded generator (mulberry32): the same request always makes the same mailbox shape. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bounces and replies spread through the mailbox (seeded shuffle), the rest ordinary mail. */
function kinds(request: FillRequest): Kind[] {
  const list: Kind[] = new Array(request.messages).fill('ordinary');
  for (let i = 0; i < request.bounces; i++) list[i] = 'bounce';
  for (let i = 0; i < request.replies; i++) list[request.bounces + i] = 'reply';
  const random = seeded(request.messages * 31 + request.bounces * 7 + request.replies);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

const withAngles = (id: string) => (id.trim().startsWith('<') ? id.trim() : `<${id.trim()}>`);

function ordinary(user: SandboxUser, i: number, at: Date, seed: string): string {
  const domain = `example${i % 13}.com`;
  return renderMessage(
    [
      {
        name: 'From',
        value: formatMailbox({ name: `Sender ${i % 997}`, address: `news${i % 997}@${domain}` }),
      },
      { name: 'To', value: formatMailbox({ name: user.name, address: user.email }) },
      { name: 'Subject', value: `Update ${i}: news from ${domain}` },
      { name: 'Date', value: rfc5322Date(at) },
      { name: 'Message-ID', value: `<fill-${i}.${seed}@${domain}>` },
    ],
    textPart('text/plain', `Hello ${user.name},\nthis is update ${i}.\n`),
  );
}

/** A hard bounce of a message the user sent to `person<i>@bounce.test`, in their provider's layout. */
function bounce(user: SandboxUser, i: number, at: Date, seed: string): string {
  const originalMessageId = `<fill-sent-${i}.${seed}@sendwell.local>`;
  const input: NoticeInput = {
    kind: 'failure',
    sender: user.email,
    originalHeaders: [
      { name: 'From', value: formatMailbox({ name: user.name, address: user.email }) },
      { name: 'To', value: `person${i}@bounce.test` },
      { name: 'Subject', value: 'Quick question' },
      { name: 'Message-ID', value: originalMessageId },
    ],
    originalSubject: 'Quick question',
    originalMessageId,
    sentAt: new Date(at.getTime() - 1000),
    recipients: [{ address: `person${i}@bounce.test`, fate: 'hard-bounce' }],
    at,
    seed: `${seed}${i.toString(16)}`.slice(-16),
  };
  return user.provider === 'gmail' ? buildGmailDsn(input) : buildExchangeNdr(input);
}

function reply(user: SandboxUser, i: number, at: Date, seed: string, answered: string): string {
  const original = [
    `From: ${formatMailbox({ name: user.name, address: user.email })}`,
    `To: Person ${i} <person${i}@reply.test>`,
    'Subject: Quick question',
    `Message-ID: ${answered}`,
    '',
    'Hello, would a call next week work?',
    '',
  ].join('\r\n');
  return buildReply({
    recipient: `person${i}@reply.test`,
    sender: user,
    originalRaw: original,
    at,
    seed: `${seed}${i.toString(16)}`,
  });
}

/**
 * The messages of a fill, oldest first, spread evenly over `days` up to `now`: ordinary mail,
 * hard-bounce notices in the user's provider layout (the same builders as live notices), and
 * replies from `person<i>@reply.test` whose In-Reply-To/References name `replyTo` ids in turn (a
 * reply to a message in the mailbox joins its thread).
 */
export function fillFilings(user: SandboxUser, request: FillRequest, now: Date): Filing[] {
  const seed = randomBytes(4).toString('hex');
  const span = request.days * 86_400_000;
  const start = now.getTime() - span;
  const answered = (request.replyTo ?? []).map(withAngles);
  let replies = 0;
  return kinds(request).map((kind, i) => {
    const at = new Date(start + Math.floor(((i + 1) * span) / (request.messages + 1)));
    let raw: string;
    if (kind === 'bounce') raw = bounce(user, i, at, seed);
    else if (kind === 'reply') {
      const target = answered.length
        ? answered[replies % answered.length]!
        : `<fill-orig-${i}.${seed}@sendwell.local>`;
      replies += 1;
      raw = reply(user, i, at, seed, target);
    } else raw = ordinary(user, i, at, seed);
    return { raw, folder: 'inbox', receivedAt: at };
  });
}
