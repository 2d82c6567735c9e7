import { describe, expect, it } from 'vitest';
import { messageHtml, splitAddresses } from './messageHtml';

describe('messageHtml', () => {
  it.each([
    ['one line', 'Hi there', '<p>Hi there</p>'],
    ['paragraphs and a line break', 'Hi Ana,\n\nThanks!\nBo', '<p>Hi Ana,</p><p>Thanks!<br>Bo</p>'],
    ['markup is text', '<b>5 < 6</b> & "so"', '<p>&lt;b&gt;5 &lt; 6&lt;/b&gt; &amp; &quot;so&quot;</p>'],
    ['Windows line ends', 'a\r\n\r\nb', '<p>a</p><p>b</p>'],
    ['merge tags pass through', 'Hi {{recipient.firstName}}', '<p>Hi {{recipient.firstName}}</p>'],
  ])('%s', (_label, text, html) => {
    expect(messageHtml(text)).toBe(html);
  });
});

describe('splitAddresses', () => {
  it.each([
    ['commas', 'a@x.test, b@y.test', ['a@x.test', 'b@y.test']],
    ['semicolons and spaces', ' a@x.test;b@y.test  c@z.test ', ['a@x.test', 'b@y.test', 'c@z.test']],
    ['nothing', ' , ', []],
  ])('%s', (_label, text, addresses) => {
    expect(splitAddresses(text)).toEqual(addresses);
  });
});
