/**
 * Honest engagement numbers: an open or a click is flagged as a machine's when a privacy proxy or a
 * security scanner made it, not a person. The voice words each `why` (`engagement.why.<why>`).
 */
export const MACHINE_WHYS = [
  'apple-mpp',
  'google-proxy',
  'yahoo-proxy',
  'scanner',
  'bot',
  'prefetch',
  'head',
  'too-fast',
] as const;
export type MachineWhy = (typeof MACHINE_WHYS)[number];

export type Verdict = { machine: false; why: null } | { machine: true; why: MachineWhy };

/** What the tracking route saw of one request. */
export interface Hit {
  userAgent: string | null;
  ip?: string | null;
  /** Seconds since the email went out (null when we do not know). */
  secondsAfterSend: number | null;
  /** `HEAD` requests are link checkers. */
  method?: string;
  /** The `Purpose` / `Sec-Purpose` header: `prefetch` is a browser or client warming a link. */
  purpose?: string | null;
}

const PERSON: Verdict = { machine: false, why: null };
const machine = (why: MachineWhy): Verdict => ({ machine: true, why });

/** Security gateways that open every link of an inbound email before the person sees it. */
const SCANNER_UA =
  /barracuda|mimecast|proofpoint|urldefense|messagelabs|symantec|trend ?micro|forcepoint|fireeye|sophos|cisco|ironport|safelinks|microsoft office protection|zscaler|checkpoint|avanan/i;
/** Clients no person reads mail with. */
const BOT_UA =
  /bot\b|crawler|spider|python-requests|python-urllib|curl\/|wget\/|go-http-client|java\/|okhttp|libwww|httpclient|headlesschrome|phantomjs|node-fetch|axios\/|scrapy/i;

/**
 * Apple Mail Privacy Protection loads every image through Apple's proxies as soon as a message
 * arrives, whether or not anybody reads it; those requests carry the bare user agent `Mozilla/5.0`
 * and come from Apple's 17.0.0.0/8 network.
 */
function isApplePrivacyProxy(hit: Hit): boolean {
  const ua = (hit.userAgent ?? '').trim();
  return ua === 'Mozilla/5.0' || /^17\.\d+\.\d+\.\d+$/.test(hit.ip ?? '');
}

function byRequest(hit: Hit): Verdict | null {
  if (hit.method?.toUpperCase() === 'HEAD') return machine('head');
  if (/prefetch|prerender/i.test(hit.purpose ?? '')) return machine('prefetch');
  const ua = hit.userAgent ?? '';
  if (SCANNER_UA.test(ua)) return machine('scanner');
  if (BOT_UA.test(ua) || ua.trim() === '') return machine('bot');
  return null;
}

/** An open (the pixel was loaded): proxies first, then any request no person makes. */
export function classifyOpen(hit: Hit): Verdict {
  const ua = hit.userAgent ?? '';
  if (isApplePrivacyProxy(hit)) return machine('apple-mpp');
  // Gmail's proxy fetches when the person opens the message, but caches: later opens never show.
  if (/GoogleImageProxy/i.test(ua)) return machine('google-proxy');
  if (/YahooMailProxy/i.test(ua)) return machine('yahoo-proxy');
  return byRequest(hit) ?? PERSON;
}

/** A click faster than this after sending was a gateway scanning the email on its way in. */
const SCANNER_CLICK_SECONDS = 10;

/** A click (the redirect was followed): scanners, checkers and clicks within seconds of sending. */
export function classifyClick(hit: Hit): Verdict {
  const verdict = byRequest(hit);
  if (verdict) return verdict;
  if (hit.secondsAfterSend !== null && hit.secondsAfterSend < SCANNER_CLICK_SECONDS)
    return machine('too-fast');
  return PERSON;
}
