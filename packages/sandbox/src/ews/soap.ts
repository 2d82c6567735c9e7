import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** The namespaces of EWS (messages.xsd, types.xsd, the errors of SOAP fault details) and SOAP 1.1. */
export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  messages: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  types: 'http://schemas.microsoft.com/exchange/services/2006/types',
  errors: 'http://schemas.microsoft.com/exchange/services/2006/errors',
  xsd: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export type XmlNode = Record<string, unknown>;

/** Elements that repeat in the requests we read: always arrays, even with one child. */
const REPEATED = new Set([
  'Message',
  'Mailbox',
  'ExtendedProperty',
  'ExtendedFieldURI',
  'DistinguishedFolderId',
  'FolderId',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  textNodeName: '#text',
  isArray: (name) => REPEATED.has(name),
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: true,
  // `IncludesLastItemInRange="true"` is an attribute value, not an HTML boolean attribute.
  suppressBooleanAttributes: false,
});

export type ParsedSoap =
  | { ok: true; header: XmlNode; body: XmlNode }
  | { ok: false; line: number; column: number; detail: string };

/** A SOAP request, or where it stops being well-formed XML (Exchange's ErrorSchemaValidation names it). */
export function parseSoap(text: string): ParsedSoap {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { ok: false, line: valid.err.line, column: valid.err.col, detail: valid.err.msg };
  const doc = parser.parse(text) as XmlNode;
  const envelope = child(doc, 'Envelope');
  const body = child(envelope, 'Body');
  if (!body)
    return { ok: false, line: 1, column: 1, detail: 'The root element is not a SOAP Envelope with a Body.' };
  return { ok: true, header: child(envelope, 'Header') ?? {}, body };
}

export function child(node: unknown, name: string): XmlNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[name];
  if (Array.isArray(value)) return value[0] as XmlNode | undefined;
  if (value === '') return {};
  return value && typeof value === 'object' ? (value as XmlNode) : undefined;
}

export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) =>
    typeof v === 'object' && v ? (v as XmlNode) : {},
  );
}

export function text(node: unknown, name?: string): string | undefined {
  const value = name ? (node as XmlNode | undefined)?.[name] : node;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '#text' in value) return String((value as XmlNode)['#text']);
  return value === undefined ? undefined : '';
}

export const attr = (node: XmlNode | undefined, name: string): string | undefined =>
  node?.[`@_${name}`] as string | undefined;

export function xml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(root)}`;
}
