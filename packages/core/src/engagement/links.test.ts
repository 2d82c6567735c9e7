import { describe, expect, it } from 'vitest';
import { rewriteLinks, withOpenPixel } from './links';

const sign = (url: string) => `https://sw.test/t/c/${encodeURIComponent(url)}`;
const keep = (url: string) => url.startsWith('https://sw.test/u/');

describe('rewriteLinks', () => {
  it.each([
    [
      'a double-quoted link',
      '<a href="https://x.test/a">A</a>',
      '<a href="https://sw.test/t/c/https%3A%2F%2Fx.test%2Fa">A</a>',
      1,
    ],
    [
      'single quotes and other attributes',
      `<a class="b" href='http://x.test/?q=1&amp;r=2' title="t">A</a>`,
      '<a class="b" href="https://sw.test/t/c/http%3A%2F%2Fx.test%2F%3Fq%3D1%26r%3D2" title="t">A</a>',
      1,
    ],
    [
      'an unquoted href',
      '<A HREF=https://x.test/b>B</A>',
      '<A HREF="https://sw.test/t/c/https%3A%2F%2Fx.test%2Fb">B</A>',
      1,
    ],
    [
      'mailto is never touched',
      '<a href="mailto:a@x.test">mail</a>',
      '<a href="mailto:a@x.test">mail</a>',
      0,
    ],
    [
      'tel and in-page anchors stay',
      '<a href="tel:+331">t</a><a href="#top">top</a>',
      '<a href="tel:+331">t</a><a href="#top">top</a>',
      0,
    ],
    ['a relative link stays', '<a href="/path">p</a>', '<a href="/path">p</a>', 0],
    [
      'our unsubscribe link stays',
      '<a href="https://sw.test/u/abc.def">Unsubscribe</a>',
      '<a href="https://sw.test/u/abc.def">Unsubscribe</a>',
      0,
    ],
    [
      'a javascript: link stays (and is never signed)',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="javascript:alert(1)">x</a>',
      0,
    ],
    [
      'img src and plain text URLs stay',
      '<img src="https://x.test/i.png"> see https://x.test/',
      '<img src="https://x.test/i.png"> see https://x.test/',
      0,
    ],
    [
      'data-href is not href',
      '<a data-href="https://x.test/">x</a>',
      '<a data-href="https://x.test/">x</a>',
      0,
    ],
  ])('%s', (_name, html, expected, count) => {
    expect(rewriteLinks(html, sign, { keep })).toEqual({ html: expected, rewritten: count });
  });

  it('escapes the signed URL for the attribute', () => {
    const out = rewriteLinks('<a href="https://x.test/">x</a>', () => 'https://sw.test/t/c/a"b&c');
    expect(out.html).toBe('<a href="https://sw.test/t/c/a&quot;b&amp;c">x</a>');
  });
});

describe('withOpenPixel', () => {
  it.each([
    [
      '<html><body><p>Hi</p></body></html>',
      /<p>Hi<\/p><img src="https:\/\/sw\.test\/t\/o\/t\.gif"[^>]*alt=""[^>]*><\/body><\/html>$/,
    ],
    ['<p>Hi</p>', /^<p>Hi<\/p><img src="https:\/\/sw\.test\/t\/o\/t\.gif"[^>]*>$/],
  ])('%s', (html, pattern) => {
    expect(withOpenPixel(html, 'https://sw.test/t/o/t.gif')).toMatch(pattern);
  });
});
