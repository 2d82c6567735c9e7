import type { ServerVersion } from './orgs';
import { NS, type XmlNode, xml } from './soap';

/** Exchange's wording for the codes the sandbox answers (messages.xsd ResponseCodeType). */
export const EWS_MESSAGES = {
  ErrorServerBusy: 'The server cannot service this request right now. Try again later.',
  ErrorInvalidRequest: 'The request is invalid.',
  ErrorSchemaValidation: 'The request failed schema validation.',
  ErrorInvalidServerVersion: 'The specified server version is invalid.',
  ErrorAccessDenied: 'Access is denied. Check credentials and try again.',
  ErrorNonExistentMailbox: 'The SMTP address has no mailbox associated with it.',
  ErrorInvalidRecipients:
    "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
  ErrorMessageDispositionRequired: 'MessageDisposition attribute is required.',
} as const;
export type EwsErrorCode = keyof typeof EWS_MESSAGES;

/** A SOAP 1.1 envelope with the server's ServerVersionInfo header, as every EWS answer has. */
export function envelope(version: ServerVersion, body: XmlNode): string {
  return xml({
    's:Envelope': {
      '@_xmlns:s': NS.soap,
      's:Header': {
        'h:ServerVersionInfo': {
          '@_MajorVersion': String(version.major),
          '@_MinorVersion': String(version.minor),
          '@_MajorBuildNumber': String(version.build),
          '@_MinorBuildNumber': String(version.revision),
          '@_Version': version.schema,
          '@_xmlns:h': NS.types,
          '@_xmlns:xsd': NS.xsd,
          '@_xmlns:xsi': NS.xsi,
        },
      },
      's:Body': body,
    },
  });
}

/** `<m:{operation}Response>` holding one response message per item or folder asked for. */
export function operationResponse(operation: string, messages: XmlNode[]): XmlNode {
  return {
    [`m:${operation}Response`]: {
      '@_xmlns:m': NS.messages,
      '@_xmlns:xsd': NS.xsd,
      '@_xmlns:xsi': NS.xsi,
      '@_xmlns:t': NS.types,
      'm:ResponseMessages': { [`m:${operation}ResponseMessage`]: messages },
    },
  };
}

export const success = (content: XmlNode = {}): XmlNode => ({
  '@_ResponseClass': 'Success',
  'm:ResponseCode': 'NoError',
  ...content,
});

/** A per-item error: the request as a whole succeeded (HTTP 200), this item did not. */
export const itemError = (code: EwsErrorCode, content: XmlNode = {}): XmlNode => ({
  '@_ResponseClass': 'Error',
  'm:MessageText': EWS_MESSAGES[code],
  'm:ResponseCode': code,
  'm:DescriptiveLinkKey': '0',
  ...content,
});

/**
 * A whole-request failure: HTTP 500 with a SOAP Fault whose detail repeats the code, as Exchange
 * sends ErrorServerBusy (BackOffMilliseconds in MessageXml), ErrorInvalidRequest and
 * ErrorSchemaValidation (LineNumber/LinePosition).
 */
export function fault(code: EwsErrorCode, messageXml: Record<string, string> = {}): string {
  const values = Object.entries(messageXml).map(([name, value]) => ({ '@_Name': name, '#text': value }));
  return xml({
    's:Envelope': {
      '@_xmlns:s': NS.soap,
      's:Body': {
        's:Fault': {
          faultcode: { '@_xmlns:a': NS.types, '#text': `a:${code}` },
          faultstring: { '@_xml:lang': 'en-US', '#text': EWS_MESSAGES[code] },
          detail: {
            'e:ResponseCode': { '@_xmlns:e': NS.errors, '#text': code },
            'e:Message': { '@_xmlns:e': NS.errors, '#text': EWS_MESSAGES[code] },
            ...(values.length ? { 't:MessageXml': { '@_xmlns:t': NS.types, 't:Value': values } } : {}),
          },
        },
      },
    },
  });
}
