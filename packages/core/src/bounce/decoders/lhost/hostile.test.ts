/**
 * Every text decoder on hostile input: it never throws, returns at most MAX_RECIPIENTS recipients,
 * and finishes (a catastrophic regex would hang the test until its timeout). Inputs are decoder
 * seeds built from each family's layout, mutated by fast-check, plus hand-made worst cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import type { BounceMessage } from '../contract';
import { LHOST_DECODERS } from './index';
import { MAX_RECIPIENTS } from './util';

const SEEDS = [
  'This message was created automatically by mail delivery software.\n\nThe following address(es) failed:\n\n  a@example.net\n    SMTP error from remote mail server after RCPT TO:<a@example.net>:\n    550 5.1.1 unknown\n\n------ This is a copy of the message, including all the headers. ------\nMessage-ID: <x@y>\n',
  "Hi. This is the qmail-send program at example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n<b@example.net>:\nRemote host said: 550 5.1.1 no\n\n--- Below this line is a copy of the message.\n",
  'This is the DragonFly Mail Agent v0.13 at x.\n\nThere was an error delivering your mail to <c@example.net>.\n\nx did not like our RCPT TO:\n550 5.1.1 no\n\nMessage headers follow.\n',
  'Delivery to the following recipient failed permanently:\n\n     d@example.net\n\nTechnical details of permanent failure:\n550 5.1.1 no (state 14).\n\n----- Original message -----\n',
  '   ----- Transcript of session follows -----\n>>> RCPT To:<e@example.net>\n<<< 550 no\n550 <e@example.net>... User unknown\n   ----- Unsent message follows -----\nTo: e@example.net\n',
  '   ----- The following addresses had permanent fatal errors -----\n<f@example.net>\n    (reason: 550 5.1.1 unknown)\n\n   ----- Transcript of session follows -----\n550 5.1.1 <f@example.net>... User unknown\n',
  "Delivery has failed to these recipients or groups:\n\ng@example.net\n\nDiagnostic information for administrators:\n\nGenerating server: x\n\ng@example.net\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'\n\nOriginal message headers:\n",
  '{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"h@example.net","status":"5.1.1"}]}}\n--\n',
  '    Hi!\n    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.\n    An error has occurred while attempting to deliver a message for\n    the following list of recipients:\n\ni@example.net: 550 5.1.1 no\n\n    Below is a copy of the original message:\n',
];

const FROMS = [
  'Mail Delivery System <MAILER-DAEMON@example.org>',
  'mailer-daemon@googlemail.com',
  'no-reply@sns.amazonaws.com',
  'postmaster@ezweb.ne.jp',
];

function message(body: string, from: string, subject: string): BounceMessage {
  const headers = new Map([
    ['from', [from]],
    ['subject', [subject]],
    ['x-failed-recipients', ['z@example.net']],
  ]);
  return assemble(headers, [{ contentType: 'text/plain', text: body }]);
}

function runAll(m: BounceMessage): void {
  for (const decoder of LHOST_DECODERS) {
    const out = decoder.decode(m);
    if (out) expect(out.recipients.length).toBeLessThanOrEqual(MAX_RECIPIENTS);
  }
}

const edit = fc.record({ at: fc.nat(), cut: fc.nat(200), text: fc.string({ maxLength: 80 }) });

describe('text decoders on hostile input', () => {
  it('never throw on mutated notices', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.constantFrom(...FROMS),
        fc.array(edit, { maxLength: 8 }),
        (seed, from, edits) => {
          let body = seed;
          for (const e of edits) {
            const at = e.at % (body.length + 1);
            body = body.slice(0, at) + e.text + body.slice(at + e.cut);
          }
          runAll(message(body, from, 'Mail delivery failed: returning message to sender'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a 200k-character line of dotted digits', '5.'.repeat(100_000)],
    ['a 200k-character local part with no domain', `${'a'.repeat(200_000)}@`],
    ['long runs of blank lines and spaces', `${' \n'.repeat(50_000)}x`],
    [
      'more recipients than the limit',
      `The following address(es) failed:\n${'  x@example.net\n    550 no\n'.repeat(MAX_RECIPIENTS + 50)}`,
    ],
    [
      'qmail heads beyond the limit',
      `This is the qmail-send program at x.\n${Array.from({ length: 700 }, (_, i) => `<u${i}@example.net>:\nno\n`).join('')}`,
    ],
    ['unterminated markers', SEEDS.map((s) => s.slice(0, s.length / 2)).join('\n')],
  ])('stays bounded on %s', (_name, body) => {
    for (const from of FROMS) runAll(message(body, from, 'Undeliverable: x'));
  });
});
