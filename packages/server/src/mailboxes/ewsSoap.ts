import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The little of Exchange Web Services Sendwell speaks: SOAP 1.1 envelopes built and read with
 * fast-xml-parser, Basic authentication, and the three shapes of an answer (401 challenge, SOAP
 * Fault, response messages with a ResponseClass each).
 */
const EWS_NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  messages: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  types: 'http://schemas.microsoft.com/exchange/services/2006/types',
} as const;

export type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['Message', 'ExtendedProperty', 'Value']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  textNodeName: '#text',
  isArray: (name) => REPEATED.has(name) || name.endsWith('ResponseMessage'),
});
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

export function child(node: unknown, name: string): XmlNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === '') return {};
  return first && typeof first === 'object' ? (first as XmlNode) : undefined;
}

function children(node: unknown, name: string): XmlNode[] {
  const value = node && typeof node === 'object' ? (node as XmlNode)[name] : undefined;
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) =>
    v && typeof v === 'object' ? (v as XmlNode) : {},
  );
}

function textOf(node: unknown, name?: string): string | undefined {
  const value = name ? (node as XmlNode | undefined)?.[name] : node;
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim();
  if (first && typeof first === 'object' && '#text' in first)
    return String((first as XmlNode)['#text']).trim();
  return undefined;
}

export const attrOf = (node: XmlNode | undefined, name: string): string | undefined =>
  node?.[`@_${name}`] as string | undefined;

/**
 * A request envelope. Exchange2016 is the newest schema version Exchange 2016 and 2019 both accept
 * (their `ServerVersionInfo` says V2017_07_11, which is not a valid request version).
 */
function soapRequest(operation: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({
    'soap:Envelope': {
      '@_xmlns:soap': EWS_NS.soap,
      '@_xmlns:t': EWS_NS.types,
      '@_xmlns:m': EWS_NS.messages,
      'soap:Header': { 't:RequestServerVersion': { '@_Version': 'Exchange2016' } },
      'soap:Body': operation,
    },
  })}`;
}

export interface ServerVersionInfo {
  major: number;
  minor: number;
  build: number;
  revision: number;
  schema: string | null;
}

interface ResponseMessage {
  ok: boolean;
  code: string;
  text: string;
  /** BackOffMilliseconds in the message's MessageXml (ErrorServerBusy), when present. */
  backOffMs: number | null;
  node: XmlNode;
}

export type EwsAnswer =
  | { kind: 'unauthorized'; challenges: Challenge[]; headers: Headers }
  | { kind: 'fault'; status: number; code: string; text: string; backOffMs: number | null }
  | { kind: 'answer'; version: ServerVersionInfo | null; messages: ResponseMessage[]; headers: Headers }
  | { kind: 'not-soap'; status: number; headers: Headers };

export interface EwsCall {
  url: string;
  /** Null for the anonymous request that asks the server which schemes it offers. */
  credentials: { username: string; password: string } | null;
  operation: XmlNode;
  fetch?: typeof fetch;
  /** Give up after this long (the probe does: an address that never answers is "unreachable"). */
  timeoutMs?: number;
}

/** `DOMAIN\user` or a UPN, UTF-8 as IIS decodes it. */
function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** One EWS round trip. Network errors propagate: the caller decides what "no answer" means. */
export async function callEws(call: EwsCall): Promise<EwsAnswer> {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  if (call.credentials)
    headers.authorization = basicAuthorization(call.credentials.username, call.credentials.password);
  const response = await (call.fetch ?? fetch)(call.url, {
    method: 'POST',
    headers,
    body: soapRequest(call.operation),
    redirect: 'manual',
    ...(call.timeoutMs ? { signal: AbortSignal.timeout(call.timeoutMs) } : {}),
  });
  const text = await response.text();
  if (response.status === 401)
    return {
      kind: 'unauthorized',
      challenges: parseChallenges(response.headers.get('www-authenticate')),
      headers: response.headers,
    };
  const body = parseEnvelopeBody(text);
  if (!body) return { kind: 'not-soap', status: response.status, headers: response.headers };
  const fault = child(body.body, 'Fault');
  if (fault) return { kind: 'fault', status: response.status, ...readFault(fault) };
  return {
    kind: 'answer',
    version: readVersion(body.header),
    messages: readMessages(body.body),
    headers: response.headers,
  };
}

function parseEnvelopeBody(text: string): { header: XmlNode | undefined; body: XmlNode } | null {
  if (!text.trim() || XMLValidator.validate(text) !== true) return null;
  const envelope = child(parser.parse(text), 'Envelope');
  const body = child(envelope, 'Body');
  return body ? { header: child(envelope, 'Header'), body } : null;
}

const backOffOf = (messageXml: XmlNode | undefined): number | null => {
  const value = children(messageXml, 'Value').find((v) => attrOf(v, 'Name') === 'BackOffMilliseconds');
  const ms = Number(textOf(value));
  return value && Number.isFinite(ms) ? ms : null;
};

function readFault(fault: XmlNode): { code: string; text: string; backOffMs: number | null } {
  const detail = child(fault, 'detail');
  const code = textOf(detail, 'ResponseCode') ?? (textOf(fault, 'faultcode') ?? '').replace(/^\w+:/, '');
  return {
    code,
    text: textOf(fault, 'faultstring') ?? '',
    backOffMs: backOffOf(child(detail, 'MessageXml')),
  };
}

function readVersion(header: XmlNode | undefined): ServerVersionInfo | null {
  const info = child(header, 'ServerVersionInfo');
  const major = Number(attrOf(info, 'MajorVersion'));
  if (!info || !Number.isInteger(major)) return null;
  return {
    major,
    minor: Number(attrOf(info, 'MinorVersion') ?? 0),
    build: Number(attrOf(info, 'MajorBuildNumber') ?? 0),
    revision: Number(attrOf(info, 'MinorBuildNumber') ?? 0),
    schema: attrOf(info, 'Version') ?? null,
  };
}

function readMessages(body: XmlNode): ResponseMessage[] {
  const response = Object.values(body).find((v): v is XmlNode => !!v && typeof v === 'object');
  const container = child(response, 'ResponseMessages');
  const lists = Object.entries(container ?? {}).filter(([name]) => name.endsWith('ResponseMessage'));
  return lists.flatMap(([, list]) =>
    (Array.isArray(list) ? list : [list]).map((node: XmlNode) => ({
      ok: attrOf(node, 'ResponseClass') === 'Success',
      code: textOf(node, 'ResponseCode') ?? '',
      text: textOf(node, 'MessageText') ?? '',
      backOffMs: backOffOf(child(node, 'MessageXml')),
      node,
    })),
  );
}

/** One `WWW-Authenticate` challenge: its scheme and the parameters after it. */
export interface Challenge {
  scheme: string;
  params: string;
}

const SCHEMES = /(?:^|,)\s*(Negotiate|NTLM|Basic|Bearer|Digest|Kerberos)\b/gi;

/**
 * fetch joins repeated `WWW-Authenticate` headers with ", ", and Bearer's parameters contain commas
 * too; a challenge starts at each known scheme name at the start or after a comma.
 */
export function parseChallenges(header: string | null): Challenge[] {
  const value = header ?? '';
  const starts = [...value.matchAll(SCHEMES)];
  return starts.map((match, i) => {
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[i + 1]?.index ?? value.length;
    return { scheme: match[1]!, params: value.slice(from, to).trim() };
  });
}
