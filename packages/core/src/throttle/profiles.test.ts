import { describe, expect, it } from 'vitest';
import { customSmtpProfile, DAY_MS, getProfile, isProfileId, listProfiles, MINUTE_MS } from './profiles';
import type { ProfileId } from './types';

const window = (id: ProfileId, windowId: string) => getProfile(id).windows.find((w) => w.id === windowId);

describe('provider profiles', () => {
  it('has exactly the profile ids of the stable CLI contract', () => {
    expect(
      listProfiles()
        .map((p) => p.id)
        .sort(),
    ).toEqual([
      'custom-smtp',
      'exchange-online',
      'gmail-consumer',
      'gmail-workspace',
      'gmail-workspace-trial',
      'outlook-com',
    ]);
  });

  // Figures from shared/reference (office-addin.md §6, gmail-addon.md §3, marketo-docs.md §1).
  it.each([
    ['exchange-online', 'messages-per-minute', 'messages', MINUTE_MS, 30],
    ['exchange-online', 'recipients-per-day', 'recipients', DAY_MS, 10_000],
    ['outlook-com', 'recipients-per-day', 'recipients', DAY_MS, 5_000],
    ['gmail-workspace', 'messages-per-day', 'messages', DAY_MS, 2_000],
    ['gmail-workspace', 'recipients-per-day', 'recipients', DAY_MS, 10_000],
    ['gmail-workspace', 'external-per-day', 'external', DAY_MS, 3_000],
    ['gmail-workspace', 'unique-external-per-day', 'external', DAY_MS, 2_000],
    ['gmail-workspace-trial', 'messages-per-day', 'messages', DAY_MS, 500],
    ['gmail-workspace-trial', 'unique-external-per-day', 'external', DAY_MS, 500],
    ['gmail-consumer', 'messages-per-day', 'messages', DAY_MS, 500],
  ] as const)('%s %s is %s over %i ms with ceiling %i', (id, windowId, metric, windowMs, ceiling) => {
    expect(window(id, windowId)).toMatchObject({ metric, windowMs, ceiling });
  });

  it.each([
    ['exchange-online', 500],
    ['outlook-com', 500],
    ['gmail-workspace', 100],
    ['gmail-workspace-trial', 100],
    ['gmail-consumer', 100],
  ] as const)('%s carries at most %i recipients per message', (id, max) => {
    expect(getProfile(id).maxRecipientsPerMessage.value).toBe(max);
  });

  it.each(listProfiles().flatMap((p) => p.windows.map((w) => [p.id, w.id, w] as const)))(
    '%s %s aims under its ceiling and cites a source',
    (_profile, _window, limit) => {
      expect(limit.target).toBe(Math.max(1, Math.floor(limit.ceiling * limit.margin)));
      expect(limit.margin).toBeGreaterThan(0);
      expect(limit.margin).toBeLessThan(1);
      expect(limit.source.title.length).toBeGreaterThan(10);
      expect(limit.source.reference).toMatch(/\.md §\d/);
      expect(limit.label).toMatch(/\d/);
    },
  );

  it("aims for 27 of Exchange Online's 30 messages a minute", () => {
    expect(window('exchange-online', 'messages-per-minute')?.target).toBe(27);
  });

  it('lets admins configure custom SMTP limits', () => {
    const profile = customSmtpProfile({ messagesPerMinute: 100, recipientsPerMessage: 50 });
    expect(profile.windows.find((w) => w.id === 'messages-per-minute')).toMatchObject({
      ceiling: 100,
      target: 90,
    });
    expect(profile.maxRecipientsPerMessage.value).toBe(50);
  });

  it('adds an hourly window only when an SMTP channel sets one', () => {
    const hourly = (p: ReturnType<typeof customSmtpProfile>) =>
      p.windows.find((w) => w.id === 'messages-per-hour');
    expect(hourly(customSmtpProfile())).toBeUndefined();
    expect(hourly(customSmtpProfile({ messagesPerHour: 300 }))).toMatchObject({
      windowMs: 60 * MINUTE_MS,
      ceiling: 300,
      target: 270,
      label: '300 messages an hour',
    });
  });

  it('rejects unknown ids', () => {
    expect(isProfileId('gmail-workspace')).toBe(true);
    expect(isProfileId('hotmail')).toBe(false);
    expect(() => getProfile('hotmail' as ProfileId)).toThrow(/unknown throttle profile/);
  });
});
