import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import { GoogleWorkspace } from './googleworkspace';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['GoogleWorkspace']);

/** Gmail's current notice as text only (e.g. a client that kept just the readable part). */
function notice(headline: string, sentence: string, response: string) {
  const text = `${headline}\n\n${sentence}\n\nThe response from the remote server was:\n${response}\n`;
  const headers = new Map([
    ['from', ['Mail Delivery Subsystem <mailer-daemon@googlemail.com>']],
    ['in-reply-to', ['<CAOriginal-1@mail.gmail.com>']],
  ]);
  return assemble(headers, [{ contentType: 'text/plain', text }]);
}

describe('GoogleWorkspace', () => {
  it.each([
    [
      '** Address not found **',
      "Your message wasn't delivered to nobody@example.net because the address couldn't be found, or is unable to receive mail.",
      '550 5.1.1 The email account that you tried to reach does not exist.',
      'nobody@example.net',
      'failed',
      '5.1.1',
    ],
    [
      '** Message not delivered **',
      "Your message wasn't delivered to full@example.org because the recipient's inbox is full.",
      "552 5.2.2 The recipient's inbox is out of storage space.",
      'full@example.org',
      'failed',
      '5.2.2',
    ],
    [
      '** Delivery delayed **',
      'There was a temporary problem delivering your message to slow@example.com. Gmail will retry for 47 more hours.',
      '451 4.4.1 Temporary failure, try again later',
      'slow@example.com',
      'delayed',
      '4.4.1',
    ],
  ])('reads "%s" text without a report part', (headline, sentence, response, address, action, status) => {
    const decoded = GoogleWorkspace.decode(notice(headline, sentence, response));
    expect(decoded?.recipients).toEqual([expect.objectContaining({ address, action, status })]);
    expect(decoded?.originalMessageId).toBe('CAOriginal-1@mail.gmail.com');
  });

  it.each(cases)('$file', (c) => expectDecodes(GoogleWorkspace, (p) => readFileSync(p), c));
});
