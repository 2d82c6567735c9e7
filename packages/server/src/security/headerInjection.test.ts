import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../store/testing';
import { openSandboxBed, type SandboxBed } from './sandboxBed';

/**
 * CRLF in subjects, display names and addresses: no header injection in the MIME we send. The
 * messages are read back from the sandbox's own Sent folders (what Microsoft's and Google's stand-ins
 * received), for the Exchange Online path (eli, Graph) and the Gmail path (gus, Gmail API).
 */
const INJECTED = 'X-Injected';
const EVIL = 'evil@attacker.test';

/** The header block of a raw message, unfolded: one [name, value] per header. */
function headersOf(raw: string): [string, string][] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return head.split('\r\n').map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
}

describe.each(TEST_ENGINES)('no header injection in what we send (%s)', (engine) => {
  let bed: SandboxBed;
  beforeAll(async () => {
    bed = await openSandboxBed(engine);
  }, 240_000);
  afterAll(async () => {
    await bed?.close();
  });

  /** Every kind of line break a header could be split with, in one subject and one display name. */
  const hostileSubject = (tag: string) =>
    `${tag}\r\nBcc: ${EVIL}\r\n${INJECTED}: 1\nBcc: ${EVIL}\rCc: ${EVIL}\r\n\r\n<script>body</script>`;
  const hostileName = `Kim\r\nBcc: ${EVIL}\n${INJECTED}: 2\r\n\r\nbody`;

  it.each([
    ['eli', 'outlook'],
    ['gus', 'gmail'],
  ])(
    '%s (%s): subjects and display names with line breaks stay one header',
    async (user, host) => {
      const tag = `crlf-${randomUUID().slice(0, 8)}`;
      const to = 'kim@example.com';
      const response = await bed.call(user, 'POST', '/sends', {
        host,
        to: [to],
        subject: `${hostileSubject(tag)} {{recipient.firstName}}`,
        body: '<p>Hi {{recipient.firstName}}</p>',
        personalise: 'each',
        displayNames: { [to]: hostileName },
        idempotencyKey: `crlf-${randomUUID()}`,
      });
      expect(response.status, await response.clone().text()).toBe(202);
      const sent = () =>
        bed.sendwell.sandbox!.messages(user, 'sentitems').filter((m) => m.subject.includes(tag));
      await expect
        .poll(
          async () => {
            await bed.sendwell.runWorkersOnce();
            return sent().length;
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBe(1);
      const [message] = sent();
      const names = headersOf(message!.raw).map(([name]) => name);
      expect(names).not.toContain('bcc');
      expect(names).not.toContain('cc');
      expect(names).not.toContain(INJECTED.toLowerCase());
      expect(names.filter((n) => n === 'subject')).toHaveLength(1);
      // Not even inside an encoded word: the subject as the recipient reads it is one line.
      expect(message!.subject).not.toMatch(/[\r\n]/);
      expect(message!.bcc).toEqual([]);
      expect(message!.cc).toEqual([]);
      expect(message!.to.map((m) => m.address)).toEqual([to]);
    },
    90_000,
  );

  it.each([
    ['To', { to: [`kim@example.com\r\nBcc: ${EVIL}`] }],
    ['Cc', { to: ['kim@example.com'], cc: [`lee@example.com\nBcc: ${EVIL}`] }],
    ['Bcc', { to: ['kim@example.com'], bcc: [`lee@example.com\r\n${INJECTED}: 1`] }],
    ['To (display name form)', { to: [`"Kim\r\nBcc: ${EVIL}" <kim@example.com>`] }],
  ])('refuses a line break in a %s address with 400', async (_field, recipients) => {
    const response = await bed.call('eli', 'POST', '/sends', {
      host: 'outlook',
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: `crlf-${randomUUID()}`,
      ...recipients,
    });
    expect(response.status).toBe(400);
  });
});
