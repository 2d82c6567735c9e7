import { describe, expect, it } from 'vitest';
import { classifyClick, classifyOpen, type Hit, type Verdict } from './machine';

const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const OUTLOOK = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; Microsoft Outlook 16.0.17126; Pro)';
const hit = (userAgent: string | null, more: Partial<Hit> = {}): Hit => ({
  userAgent,
  secondsAfterSend: 3600,
  ...more,
});
const person: Verdict = { machine: false, why: null };
const machine = (why: NonNullable<Verdict['why']>): Verdict => ({ machine: true, why });

describe('classifyOpen', () => {
  it.each<[string, Hit, Verdict]>([
    ['a person in Apple Mail without the proxy', hit(SAFARI, { ip: '203.0.113.5' }), person],
    ['a person in Outlook', hit(OUTLOOK), person],
    [
      'Apple Mail Privacy Protection (bare user agent)',
      hit('Mozilla/5.0', { ip: '104.28.1.1' }),
      machine('apple-mpp'),
    ],
    [
      'Apple Mail Privacy Protection (Apple network)',
      hit(SAFARI, { ip: '17.58.63.1' }),
      machine('apple-mpp'),
    ],
    [
      'Gmail’s image proxy',
      hit('Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'),
      machine('google-proxy'),
    ],
    [
      'Yahoo’s image proxy',
      hit('YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html'),
      machine('yahoo-proxy'),
    ],
    ['a security gateway', hit('Mozilla/5.0 Barracuda Sentinel'), machine('scanner')],
    ['a script', hit('python-requests/2.31'), machine('bot')],
    ['no user agent at all', hit(null), machine('bot')],
    ['an open seconds after sending is still a person’s', hit(OUTLOOK, { secondsAfterSend: 2 }), person],
  ])('%s', (_name, h, verdict) => {
    expect(classifyOpen(h)).toEqual(verdict);
  });
});

describe('classifyClick', () => {
  it.each<[string, Hit, Verdict]>([
    ['a person an hour later', hit(SAFARI), person],
    ['a person, time unknown', hit(SAFARI, { secondsAfterSend: null }), person],
    ['a gateway within seconds of sending', hit(SAFARI, { secondsAfterSend: 4 }), machine('too-fast')],
    [
      'Proofpoint URL Defense',
      hit('Mozilla/5.0 (compatible; urldefense.proofpoint.com)'),
      machine('scanner'),
    ],
    ['Mimecast', hit('Mimecast URL Protect'), machine('scanner')],
    ['a HEAD link check', hit(SAFARI, { method: 'HEAD' }), machine('head')],
    ['a prefetch', hit(SAFARI, { purpose: 'prefetch' }), machine('prefetch')],
    ['curl', hit('curl/8.4.0'), machine('bot')],
    ['a crawler', hit('Mozilla/5.0 (compatible; bingbot/2.0)'), machine('bot')],
  ])('%s', (_name, h, verdict) => {
    expect(classifyClick(h)).toEqual(verdict);
  });
});
