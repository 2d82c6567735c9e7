import { describe, expect, it } from 'vitest';
import { findInProse } from './finder';

const found = (prose: string) => findInProse(prose).recipients.map((r) => `${r.address} (${r.how})`);

describe('findInProse', () => {
  it.each([
    ['angle brackets, same line', 'Delivery to <bob@dest.example> failed.', ['bob@dest.example (phrase)']],
    [
      'quoted, same line',
      "Le message n'a pas pu être remis à 'marie@dest.example'.",
      ['marie@dest.example (phrase)'],
    ],
    [
      'bare address on the next line',
      'Ihre Nachricht konnte nicht zugestellt werden an:\n  paul@ziel.example',
      ['paul@ziel.example (phrase)'],
    ],
    [
      'address line followed by the reason',
      'Details:\n\nerin@corp.example\n    The recipient name is not recognized',
      ['erin@corp.example (phrase)'],
    ],
    ['label on the same line', 'Destinatario: sara@dest.example', ['sara@dest.example (label)']],
    ['label, address on the next line', 'Empfänger:\n  <rita@ziel.example>', ['rita@ziel.example (label)']],
    [
      'a list after an introducer, across blank lines',
      'The following recipients:\n\n  a@dest.example\n\n  b@dest.example\n\nThank you.\nhelp@relay.example',
      ['a@dest.example (introducer)', 'b@dest.example (introducer)'],
    ],
    [
      'a phrase wrapped over two lines',
      'Your message to bob@dest.example could not\nbe delivered.',
      ['bob@dest.example (phrase)'],
    ],
    [
      'an SMTP answer on the line',
      '<c@dest.example>: 550 5.1.1 mailbox unavailable',
      ['c@dest.example (phrase)'],
    ],
  ])('%s', (_name, prose, expected) => {
    expect(found(prose)).toEqual(expected);
  });

  it.each([
    ['a help address after "contact"', 'Delivery failed. Please contact helpdesk@relay.example for help.'],
    [
      'a help address on the line after "contact"',
      'If this delivery failure persists, contact\nhelpdesk@relay.example',
    ],
    ['a Message-ID', 'Delivery failed for Message-ID: <abc.123@mx.relay.example>'],
    ['a sender label', 'Delivery failed.\nFrom: alice@sender.example'],
    [
      'an address far from any failure words',
      'Hello.\n\nThis mailbox is run by ops@relay.example.\n\nHave a nice day.',
    ],
  ])('does not take %s', (_name, prose) => {
    expect(found(prose)).toEqual([]);
  });

  it('keeps To-line addresses apart (they count only when a notice names no one else)', () => {
    const findings = findInProse('Your message\n\n  To: bob@dest.example\n\ncould not be delivered.');
    expect(findings.toAddresses).toEqual(['bob@dest.example']);
    expect(findings.recipients).toEqual([]);
  });

  it('reads at most 200 recipients', () => {
    const prose = `The following recipients failed:\n${Array.from({ length: 1000 }, (_, i) => `u${i}@dest.example`).join('\n')}`;
    expect(findInProse(prose).recipients.length).toBe(200);
  });
});
