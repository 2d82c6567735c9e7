import { randomBytes, randomFillSync } from 'node:crypto';

/** Random bytes drawn in bulk: a fill of 100,000 messages needs 200,000 ids, one syscall each is slow. */
const pool = Buffer.alloc(64 * 1024);
let poolAt = pool.length;

function poolBytes(count: number): Buffer {
  if (poolAt + count > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += count;
  return pool.subarray(poolAt - count, poolAt);
}

/** Gmail message/thread ids look like 16 lowercase hex digits. */
export function gmailId(): string {
  return poolBytes(8).toString('hex').replace(/^0/, '1');
}

/** Exchange item ids are long base64 strings starting `AAMk`; ours are URL-safe so paths need no escaping. */
export function graphId(): string {
  return `AAMkAD${poolBytes(30).toString('base64url')}`;
}

export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** A Message-ID in the style of each provider's own submission servers. */
export function providerMessageId(provider: 'exchange' | 'gmail'): string {
  if (provider === 'gmail') return `<CA${randomBytes(24).toString('base64url')}@mail.gmail.com>`;
  const host = `SA1PR12MB${randomBytes(2).toString('hex').toUpperCase()}`;
  return `<${host}${randomBytes(12).toString('hex').toUpperCase()}@${host}.namprd12.prod.outlook.com>`;
}
