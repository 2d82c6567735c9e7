import { MailboxAuthError, type MailboxPort } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import type { MailboxRow } from '../store/rows';
import { Observations } from './observations';
import { observedPorts, providerStatus } from './observedPorts';

describe('provider error status labels', () => {
  it.each([
    [
      'a lost grant',
      new MailboxAuthError('token-rejected', 'Gmail refused a freshly refreshed token'),
      'auth',
    ],
    [
      'an HTTP status on the error (gaxios)',
      Object.assign(new Error('Quota exceeded'), { status: 429 }),
      '429',
    ],
    ['a response status (gaxios)', Object.assign(new Error('x'), { response: { status: 503 } }), '503'],
    [
      'an SMTP reply code (nodemailer)',
      Object.assign(new Error('Invalid login'), { responseCode: 535 }),
      '535',
    ],
    ['our Graph adapter message', new Error('Graph delta failed: 503 ServiceUnavailable: try later'), '503'],
    ['no code at all', new Error('socket hang up'), 'error'],
    ['a number that is not a status', new Error('read 1000 messages'), 'error'],
  ])('%s', (_name, error, status) => {
    expect(providerStatus(error)).toBe(status);
  });
});

describe('observed ports', () => {
  const row = { id: 'mbx-1', provider: 'gmail' } as MailboxRow;
  const port = {
    provider: 'gmail',
    address: 'a@b.test',
    send: async () => ({ status: 'failed', retryable: true, detail: '500 backend error' }) as const,
    listInboxChanges: async () => ({ entries: [], cursor: 'c1' }),
    getRawMessage: async () => {
      throw Object.assign(new Error('Not Found'), { status: 404 });
    },
    findSent: async () => false,
    listSentChanges: async () => ({ entries: [], cursor: 'c2' }),
  } as unknown as MailboxPort;

  it('counts failures by status, marks inbox reads, and keeps methods beyond the port', async () => {
    const observations = new Observations(() => 1_000);
    const view = observedPorts(observations, () => port)(row);
    expect(await view.send({} as never)).toEqual({
      status: 'failed',
      retryable: true,
      detail: '500 backend error',
    });
    await expect(view.getRawMessage('m1')).rejects.toThrow('Not Found');
    await view.listInboxChanges(null);
    expect(await (view as unknown as { listSentChanges(): Promise<unknown> }).listSentChanges()).toEqual({
      entries: [],
      cursor: 'c2',
    });
    expect(observations.providerErrors()).toEqual([
      { provider: 'gmail', status: '500', count: 1 },
      { provider: 'gmail', status: '404', count: 1 },
    ]);
    expect(observations.lastScan('mbx-1')).toBe(1_000);
  });
});
