import { feedEventSchema } from '@sendwell/core';

/** One feed event as a stream delivered it: when it was written (its `at`) and when it arrived. */
interface Seen {
  id: number;
  type: string;
  sendId: string | null;
  /** The event's own time (the writer's clock; both instances run on this machine). */
  writtenAt: number;
  arrivedAt: number;
}

export interface FeedProbe {
  /** Events by id, first arrival only. */
  readonly seen: Map<number, Seen>;
  close(): void;
}

/**
 * A live-feed subscriber (`GET /api/v1/feed/stream`) of one instance that notes, for each event,
 * the wall-clock time it arrived. Parses every event with core's `feedEventSchema`.
 */
export async function probeFeed(serverUrl: string, token: string): Promise<FeedProbe> {
  const seen = new Map<number, Seen>();
  const abort = new AbortController();
  const url = `${serverUrl}/api/v1/feed/stream?scope=mine&access_token=${encodeURIComponent(token)}`;
  const answer = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!answer.ok || !answer.body) throw new Error(`feed stream at ${serverUrl}: ${answer.status}`);
  const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
  const note = (block: string) => {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .join('\n');
    const event = data ? feedEventSchema.safeParse(JSON.parse(data)) : null;
    if (!event?.success || seen.has(event.data.id)) return;
    const { id, type, sendId, at } = event.data;
    seen.set(id, { id, type, sendId, writtenAt: Date.parse(at), arrivedAt: Date.now() });
  };
  const pump = async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        note(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  };
  pump().catch(() => undefined); // ends with the abort
  return { seen, close: () => abort.abort() };
}
