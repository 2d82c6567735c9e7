import { describe, expect, it } from 'vitest';
import { markedBlock, replaceMarkedBlock, withoutMarkers } from './templateBlock';

describe('replaceMarkedBlock', () => {
  const first = markedBlock('t1', '<p>Hi Ada</p>');
  const second = markedBlock('t1', '<p>Hi Bob</p>');

  it.each([
    ['a body fragment', `<p>Top</p>${first}<p>Sig</p>`, `<p>Top</p>${second}<p>Sig</p>`],
    ['no marked block', '<p>Top</p>', null],
  ])('%s', (_case, body, expected) => {
    expect(replaceMarkedBlock(body, second)).toBe(expected);
  });

  it('keeps a whole document a whole document, as Outlook hands it over', () => {
    const replaced = replaceMarkedBlock(`<html><head></head><body>${first}</body></html>`, second);
    expect(replaced).toMatch(/^<html>.*<body>.*Hi Bob.*<\/body><\/html>$/);
    expect(replaced).not.toContain('Hi Ada');
  });

  it('keeps ids safe inside the attribute', () => {
    expect(markedBlock('"><script>', 'x')).toBe('<div data-sendwell-template="script">x</div>');
  });
});

describe('withoutMarkers', () => {
  it('drops only the marker attribute', () => {
    expect(withoutMarkers(`<p>Top</p>${markedBlock('t-1', '<p>Hi</p>')}`)).toBe(
      '<p>Top</p><div><p>Hi</p></div>',
    );
  });
});
