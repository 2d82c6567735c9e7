/** A live-feed (SSE) subscriber over HTTP that notes when each event arrived (wall clock, ms). */
export interface FeedWatch {
  arrivals: Map<number, { type: string; at: number }>;
  close(): void;
}

export async function watchFeed(url: string): Promise<FeedWatch> {
  const arrivals = new Map<number, { type: string; at: number }>();
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`feed stream: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        noteEvent(buffer.slice(0, end), arrivals);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  };
  pump().catch(() => undefined);
  return { arrivals, close: () => abort.abort() };
}

function noteEvent(block: string, arrivals: FeedWatch['arrivals']) {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .join('\n');
  if (!data) return;
  try {
    const event = JSON.parse(data) as { id?: number; type?: string };
    if (typeof event.id === 'number' && !arrivals.has(event.id))
      arrivals.set(event.id, { type: String(event.type), at: performance.now() });
  } catch {
    // A comment or keep-alive line: nothing to note.
  }
}
