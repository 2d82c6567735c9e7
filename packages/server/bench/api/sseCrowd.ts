import { Agent, request } from 'node:http';

/** One open feed stream: every `message` event's FeedEvent, with when it arrived. */
interface Subscriber {
  seen: Map<string, number>;
  close(): void;
}

/** Opens a feed stream (`/api/v1/feed/stream`) and records the send ids of the events it receives. */
function subscribe(base: string, token: string, agent: Agent): Promise<Subscriber> {
  const seen = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/v1/feed/stream?scope=mine`,
      { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`feed stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .find((l) => l.startsWith('data:'));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            const sendId = data ? (JSON.parse(data.slice(5)) as { sendId?: string }).sendId : undefined;
            if (sendId && !seen.has(sendId)) seen.set(sendId, Date.now());
          }
        });
        res.on('error', () => {});
        resolve({ seen, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface CrowdFigures {
  subscribers: number;
  events: number;
  /** Per event and subscriber: ms from the POST that made the event to its arrival. */
  latencyMs: { p50: number; p99: number; max: number };
  missed: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * `count` concurrent subscribers on one user's feed; `trigger` makes one event (a send) and returns
 * its send id, `events` times; each subscriber's arrival time is measured from the trigger.
 */
export async function sseCrowd(opts: {
  base: string;
  token: string;
  count: number;
  events: number;
  trigger: () => Promise<string>;
  onReady: () => void;
}): Promise<CrowdFigures> {
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const subscribers: Subscriber[] = [];
  // Opened in waves of 100: a thousand at once would be a connection flood, not subscribers.
  for (let i = 0; i < opts.count; i += 100)
    subscribers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(100, opts.count - i) }, () => subscribe(opts.base, opts.token, agent)),
      )),
    );
  await new Promise((r) => setTimeout(r, 3_000)); // every stream past its first poll
  opts.onReady();
  const latencies: number[] = [];
  let missed = 0;
  for (let e = 0; e < opts.events; e++) {
    const began = Date.now();
    const sendId = await opts.trigger();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && subscribers.some((s) => !s.seen.has(sendId)))
      await new Promise((r) => setTimeout(r, 50));
    for (const s of subscribers) {
      const at = s.seen.get(sendId);
      if (at === undefined) missed += 1;
      else latencies.push(at - began);
    }
  }
  for (const s of subscribers) s.close();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    subscribers: subscribers.length,
    events: opts.events,
    latencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
    },
    missed,
  };
}
