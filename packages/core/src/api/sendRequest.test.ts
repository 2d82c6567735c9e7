import { describe, expect, it } from 'vitest';
import { emailAddressSchema, invalidAddresses, sendRequestSchema } from './sendRequest';

// Observations 7 and 24: one schema for every send path, and errors that name the address.
describe('the one send-request schema', () => {
  it.each(['ada@exam"ple.com', 'no-at-sign', 'two@@example.com', ''])('refuses %j, naming it', (address) => {
    const result = emailAddressSchema.safeParse(address);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(JSON.stringify(address.trim().toLowerCase()));
  });

  it('trims and lower-cases a good address', () => {
    expect(emailAddressSchema.parse('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('lists the bad addresses of a draft as written', () => {
    expect(invalidAddresses(['ada@example.com', 'ada@exam"ple.com', 'bob'])).toEqual([
      'ada@exam"ple.com',
      'bob',
    ]);
  });

  it('fills the defaults a client may leave out', () => {
    const parsed = sendRequestSchema.parse({
      host: 'gmail',
      to: ['Ada@example.com'],
      subject: 's',
      body: 'b',
      idempotencyKey: 'gmail-draft:r123',
    });
    expect(parsed).toMatchObject({
      cc: [],
      bcc: [],
      personalise: 'one',
      displayNames: {},
      to: ['ada@example.com'],
    });
  });
});
