/**
 * The text decoders must not call a non-bounce a bounce: over every corpus message whose truth is
 * a feedback report, an auto-reply, a delivered DSN or plain mail, each decoder declines, except
 * AmazonSES, which reports its own feedback and delivery events with that kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBounceMessage } from '../../message';
import { CORPUS_DIR, readTruthRows } from '../../test-corpus-dir';
import { LHOST_DECODERS } from './index';

interface Row {
  file: string;
  kind: string;
  decoder: string;
  duplicate_of: string | null;
}

function rows(): Row[] {
  return readTruthRows<Row>().filter((r) => r.kind !== 'bounce' && !r.duplicate_of);
}

const KIND: Record<string, string> = { feedback: 'feedback', delivered: 'delivered' };

describe('text decoders on non-bounces', () => {
  it.each(rows())('$file ($kind)', async (row) => {
    const message = await buildBounceMessage(readFileSync(join(CORPUS_DIR, row.file)));
    for (const decoder of LHOST_DECODERS) {
      const decoded = decoder.decode(message);
      if (decoder.name === 'AmazonSES' && row.decoder === 'AmazonSES')
        expect(decoded?.kind).toBe(KIND[row.kind]);
      else expect(decoded, decoder.name).toBeNull();
    }
  });
});
