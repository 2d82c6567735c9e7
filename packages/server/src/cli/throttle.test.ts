import { describe, expect, it } from 'vitest';
import { parseThrottleArgs, run, simulatedRequests } from './throttle';

const NOW = new Date('2026-01-05T09:00:00Z');

function capture(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: () => NOW };
  return run(args, io).then((code) => ({ code, out, err }));
}

describe('parseThrottleArgs', () => {
  it.each([
    [['profiles', '--json'], { kind: 'profiles', json: true }],
    [['profiles'], { kind: 'profiles', json: false }],
  ])('parses %j', (args, command) => {
    expect(parseThrottleArgs(args, NOW)).toEqual({ ok: true, command });
  });

  it('parses a full simulate line', () => {
    const result = parseThrottleArgs(
      [
        'simulate',
        '--profile',
        'gmail-workspace',
        '--messages',
        '40',
        '--recipients',
        '3',
        '--external-share',
        '0.5',
        '--batch',
        '10',
        '--every',
        '30',
        '--start',
        '2026-02-01T08:00:00Z',
        '--json',
      ],
      NOW,
    );
    expect(result).toMatchObject({
      ok: true,
      command: {
        kind: 'simulate',
        options: {
          messages: 40,
          recipients: 3,
          externalShare: 0.5,
          batch: { size: 10, everySeconds: 30 },
          start: new Date('2026-02-01T08:00:00Z'),
          json: true,
        },
      },
    });
    if (result.ok && result.command.kind === 'simulate')
      expect(result.command.options.profile.id).toBe('gmail-workspace');
  });

  it('defaults to one external recipient a message, no batch, starting now', () => {
    const result = parseThrottleArgs(['simulate', '--profile', 'exchange-online', '--messages', '2'], NOW);
    expect(result).toMatchObject({
      ok: true,
      command: { options: { recipients: 1, externalShare: 1, batch: null, start: NOW, json: false } },
    });
  });

  it.each([
    [[], /missing throttle command/],
    [['explode'], /unknown throttle command: explode/],
    [['profiles', '--yaml'], /Unknown option '--yaml'/],
    [['simulate', '--messages', '5'], /--profile is required/],
    [['simulate', '--profile', 'hotmail', '--messages', '5'], /unknown profile "hotmail"/],
    [['simulate', '--profile', 'exchange-online'], /--messages is required/],
    [['simulate', '--profile', 'exchange-online', '--messages', '0'], /--messages must be a whole number/],
    [['simulate', '--profile', 'exchange-online', '--messages', '2.5'], /--messages must be a whole number/],
    [['simulate', '--profile', 'exchange-online', '--messages', '1e3'], /--messages must be a whole number/],
    [
      ['simulate', '--profile', 'exchange-online', '--messages', '5', '--recipients', '501'],
      /more than Exchange Online carries in one message \(500\)/,
    ],
    [['simulate', '--profile', 'gmail-consumer', '--messages', '5', '--recipients', '101'], /\(100\)/],
    [
      ['simulate', '--profile', 'exchange-online', '--messages', '5', '--external-share', '1.5'],
      /--external-share must be a number from 0 to 1/,
    ],
    [
      ['simulate', '--profile', 'exchange-online', '--messages', '5', '--external-share', ''],
      /--external-share/,
    ],
    [
      ['simulate', '--profile', 'exchange-online', '--messages', '5', '--batch', '10'],
      /--batch and --every go together/,
    ],
    [
      ['simulate', '--profile', 'exchange-online', '--messages', '5', '--batch', '0', '--every', '10'],
      /--batch must be a whole number/,
    ],
    [
      ['simulate', '--profile', 'exchange-online', '--messages', '5', '--batch', '5', '--every=-1'],
      /--every must be a number of seconds/,
    ],
    [
      ['simulate', '--profile', 'exchange-online', '--messages', '5', '--start', 'tomorrow'],
      /--start must be an ISO 8601/,
    ],
    [['simulate', '--profile', 'exchange-online', '--messages', '5', 'extra'], /Unexpected argument 'extra'/],
  ])('rejects %j', (args, error) => {
    const result = parseThrottleArgs(args, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('simulatedRequests', () => {
  it.each([
    [4, 1, 0.5, [0, 1, 0, 1]],
    [3, 3, 1, [3, 3, 3]],
    [5, 2, 0, [0, 0, 0, 0, 0]],
    [3, 10, 0.25, [2, 3, 2]],
  ])('%i messages of %i recipients at share %f', (count, recipients, share, external) => {
    const requests = simulatedRequests(count, recipients, share);
    expect(requests.map((r) => r.external)).toEqual(external);
    expect(requests.every((r) => r.recipients === recipients && r.external <= recipients)).toBe(true);
  });
});

describe('run', () => {
  it('prints one line per message then a summary, and exits 0', async () => {
    const { code, out } = await capture([
      'simulate',
      '--profile',
      'exchange-online',
      '--messages',
      '30',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(out).toHaveLength(31);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ id: 'msg-1', sendAt: '2026-01-05T09:00:00.000Z', recipients: 1, external: 1 });
    expect(lines[27]).toMatchObject({ id: 'msg-28', sendAt: '2026-01-05T09:01:00.000Z' });
    const { summary } = lines[30];
    expect(summary).toMatchObject({
      profile: 'exchange-online',
      messages: 30,
      planned: 30,
      peakPerMinute: 27,
      firstSendAt: '2026-01-05T09:00:00.000Z',
      lastSendAt: '2026-01-05T09:01:04.000Z',
    });
    expect(summary.utilisation[0]).toMatchObject({
      window: 'messages-per-minute',
      ceiling: 30,
      peak: 27,
      ofCeiling: 0.9,
    });
  });

  it('lists every profile as JSON lines', async () => {
    const { code, out } = await capture(['profiles', '--json']);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l).id)).toContain('gmail-workspace-trial');
  });

  it('exits 2 with the reason and usage on stderr for bad arguments', async () => {
    const { code, out, err } = await capture(['simulate', '--profile', 'exchange-online']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/--messages is required[\s\S]*usage: sendwell throttle/);
  });
});
