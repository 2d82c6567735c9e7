import { describe, expect, it } from 'vitest';
import { checkHost } from './host';

describe('checkHost', () => {
  it('accepts only office365', () => {
    expect(checkHost('office365')).toEqual({ supported: true });
    expect(checkHost('outlookCom').supported).toBe(false);
  });
});
