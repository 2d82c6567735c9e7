import { emailAddressSchema, sendRequestSchema } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { ApiError, parseOrRefuse } from './errors';

const valid = {
  host: 'outlook',
  to: ['pat@example.com'],
  subject: 'Hi',
  body: '<p>Hi</p>',
  idempotencyKey: 'draft-123',
};
const refusal = (input: unknown) => {
  try {
    parseOrRefuse(sendRequestSchema, input, 'Not sent');
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('expected a refusal');
};

describe('validation errors in words (7)', () => {
  it.each([
    ['a missing field', { ...valid, subject: undefined }, 'Not sent: The subject is missing.'],
    ['a wrong type', { ...valid, subject: 42 }, 'Not sent: The subject should be a string.'],
    ['a body that is not an object', 'hello', 'Not sent: The request body should be a JSON object.'],
    [
      'an empty template id',
      { ...valid, templateId: '' },
      'Not sent: The template id is too short (at least 1 character).',
    ],
    [
      'an unknown host',
      { ...valid, host: 'fax' },
      'Not sent: The host must be one of "outlook", "gmail", "web".',
    ],
  ])('%s', (_label, input, message) => {
    expect(refusal(input)).toMatchObject({ status: 400, code: 'invalid-request', message });
  });

  it('keeps the schema’s own sentence (core names the bad address) and the field path in details', () => {
    const bad = 'ada@exam"ple.com';
    const named = emailAddressSchema.safeParse(bad).error!.issues[0]!.message;
    const error = refusal({ ...valid, to: ['ok@example.com', bad] });
    expect(error.message).toBe(`Not sent: ${named}.`);
    expect(error.details).toEqual([{ path: 'to.1', message: named }]);
  });
});
