/** Small readers of the sandbox's own plain HTML pages (no DOM in this package's tests). */

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
const attr = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : decode(value);
};
const text = (inner: string) =>
  decode(
    inner
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** Buttons with their accessible name (aria-label, else their text) and test id. */
export function buttons(html: string): { name: string; testid: string | undefined }[] {
  return [...html.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)].map(([, tag, inner]) => ({
    name: attr(tag!, 'aria-label') ?? text(inner!),
    testid: attr(tag!, 'data-testid'),
  }));
}

/** The `<select>` with this test id: its accessible name (its `<label for>`), options and selection. */
export function select(html: string, testid: string) {
  const match = new RegExp(`<select([^>]*data-testid="${testid}"[^>]*)>([\\s\\S]*?)</select>`).exec(html);
  if (!match) return null;
  const id = attr(match[1]!, 'id');
  const label = id ? new RegExp(`<label for="${id}">([\\s\\S]*?)</label>`).exec(html)?.[1] : undefined;
  const options = [...match[2]!.matchAll(/<option([^>]*)>([\s\S]*?)<\/option>/g)].map(([, tag, inner]) => ({
    value: attr(tag!, 'value'),
    label: text(inner!),
    selected: /\sselected/.test(tag!),
  }));
  return { label: label === undefined ? undefined : text(label), options };
}

/** The text of every `<li>` inside the element with this test id. */
export function listItems(html: string, testid: string): string[] {
  const list = new RegExp(`<ul[^>]*data-testid="${testid}"[^>]*>([\\s\\S]*?)</ul>`).exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, inner]) => text(inner!));
}

export function statusText(html: string): string | undefined {
  const inner = /<[a-z]+[^>]*role="status"[^>]*>([\s\S]*?)<\/[a-z]+>/.exec(html)?.[1];
  return inner === undefined ? undefined : text(inner);
}
