import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A plain element tree: names with their prefix ("bt:Image"), attributes, children in document order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; message: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(text: string): ParsedXml {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return {
      ok: false,
      message: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    };
  const nodes = parser.parse(text) as OrderedNode[];
  const elements = nodes.map(toElement).filter((e): e is XmlElement => e !== null && !e.name.startsWith('?'));
  if (elements.length !== 1)
    return { ok: false, message: `expected one root element, found ${elements.length}` };
  return { ok: true, root: elements[0]! };
}

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text') return null;
  const content = (node[name] as OrderedNode[]) ?? [];
  const children = content.map(toElement).filter((e): e is XmlElement => e !== null);
  const text = content
    .map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('');
  return { name, attrs: node[':@'] ?? {}, children, text };
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** Depth-first walk, with the chain of ancestor names for messages. */
export function walk(
  element: XmlElement,
  visit: (element: XmlElement, path: string[]) => void,
  path: string[] = [],
): void {
  const here = [...path, element.name];
  visit(element, here);
  for (const c of element.children) walk(c, visit, here);
}
