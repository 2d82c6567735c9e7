import { describe, expect, it } from 'vitest';
import html from '../taskpane.html?raw';

const loader = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

/** Run the inline loader against a fake document and see what it would fetch. */
function writtenFor(search: string): string[] {
  const written: string[] = [];
  new Function('location', 'document', loader)(
    { search },
    { write: (markup: string) => written.push(markup) },
  );
  return written;
}

describe('taskpane.html office.js loader', () => {
  it("loads office.js from Microsoft's CDN in Outlook", () => {
    expect(writtenFor('?_host_Info=Outlook')).toEqual([
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    ]);
  });

  it('fetches nothing in the sandbox host', () => {
    expect(writtenFor('?sandbox=1')).toEqual([]);
  });
});
