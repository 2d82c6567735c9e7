/**
 * Test-only support: the benchmark corpus rows of one Sisimai decoder family, and a check that a
 * decoder reads them as the truth says. Reading files is passed in, so this module stays free of
 * platform imports (core is platform-free; only *.test.ts files read files).
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { assemble, buildBounceMessage } from '../../message';
import { CORPUS_DIR, readTruthRows } from '../../test-corpus-dir';
import type { BounceMessage, Decoder } from '../contract';

interface TruthRow {
  file: string;
  decoder: string;
  ambiguous: boolean;
  duplicate_of: string | null;
  recipients: string[];
  recipients_alt: string[];
  status_is_pseudo: boolean;
  per_recipient: { recipient: string; status: string; alias: string }[];
  dsn: { has_delivery_status_part: boolean };
}

export interface CorpusCase {
  file: string;
  recipients: string[];
  accepted: string[];
  /** Expected status per recipient, null where the truth's status is a Sisimai pseudo code. */
  statuses: (string | null)[];
}

/**
 * The corpus rows of these decoder families. A missing corpus throws (see test-corpus-dir.ts), and
 * so does a family with no rows: a decoder test with an empty table would pass on nothing.
 */
export function corpusCases(
  decoders: string[],
  options: { withoutDeliveryStatus?: boolean } = {},
): CorpusCase[] {
  const cases = readTruthRows<TruthRow>()
    .filter((r) => decoders.includes(r.decoder) && !r.ambiguous && !r.duplicate_of)
    .filter((r) => !options.withoutDeliveryStatus || !r.dsn.has_delivery_status_part)
    .map((r) => ({
      file: r.file,
      recipients: r.recipients,
      accepted: [
        ...r.recipients,
        ...r.recipients_alt,
        ...r.per_recipient.map((p) => p.alias).filter(Boolean),
      ],
      statuses: r.per_recipient.map((p) => (r.status_is_pseudo || !p.status ? null : p.status)),
    }));
  if (!cases.length) throw new Error(`No corpus rows for ${decoders.join(', ')} in ${CORPUS_DIR}`);
  return cases;
}

export async function expectDecodes(
  decoder: Decoder,
  readBytes: (path: string) => Uint8Array,
  c: CorpusCase,
): Promise<void> {
  const raw = readBytes(join(CORPUS_DIR, c.file));
  let message = await buildBounceMessage(raw);
  if (!message.body.trim()) message = rawTextFallback(message, raw);
  const decoded = decoder.decode(message);
  expect(decoded, 'decoder declined').not.toBeNull();
  const got = decoded!.recipients.map((r) => r.address.toLowerCase());
  expect(got.length).toBe(c.recipients.length);
  for (const address of got) expect(c.accepted).toContain(address);
  decoded!.recipients.forEach((r, i) => {
    const want = c.statuses[i];
    if (!want) return;
    // A generic X.0.0 is what the engine derives from a bare reply code; a decoder may leave it.
    if (r.status === undefined && want.endsWith('.0.0')) return;
    expect(r.status ?? null).toBe(want);
  });
}

/**
 * A few corpus samples declare a MIME boundary that no part uses, so postal-mime finds no text.
 * Until the message builder falls back to the raw body itself (asked of the engine side), the
 * tests do that here, so the decoders are checked on the text a reader would see.
 */
function rawTextFallback(message: BounceMessage, raw: Uint8Array): BounceMessage {
  const text = new TextDecoder().decode(raw).replace(/\r\n?/g, '\n');
  const split = text.indexOf('\n\n');
  return assemble(message.headers, [
    { contentType: 'text/plain', text: split < 0 ? '' : text.slice(split + 2) },
  ]);
}
