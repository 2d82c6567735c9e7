import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import { MessageLog } from './messagelog';

const NOTICE = [
  '|------------------------- Message log follows: -------------------------|',
  ' no valid recipients were found for this message',
  '|------------------------- Failed addresses follow: ---------------------|',
  ' cat@nowhere.example ... unknown host',
  ' dog@example.org ... user unknown',
  '|------------------------- Message text follows: ------------------------|',
  'Message-Id: <abc.123@example.jp>',
  'To: cat@nowhere.example',
  '',
].join('\n');

describe('MessageLog', () => {
  it('reads each failed address with the log and its own reason', () => {
    const decoded = MessageLog.decode(assemble(new Map(), [{ contentType: 'text/plain', text: NOTICE }]));
    expect(decoded?.recipients.map((r) => r.address)).toEqual(['cat@nowhere.example', 'dog@example.org']);
    expect(decoded?.recipients[1]?.diagnostic).toContain('user unknown');
    expect(decoded?.originalMessageId).toBe('abc.123@example.jp');
  });

  it('declines other notices', () => {
    expect(
      MessageLog.decode(assemble(new Map(), [{ contentType: 'text/plain', text: 'Hello\n' }])),
    ).toBeNull();
  });
});
