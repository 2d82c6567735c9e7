import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';
import { EWS_MESSAGES } from './answers';
import { EWS_ORGS } from './orgs';
import { attr, child, children, parseSoap, text, type XmlNode } from './soap';

// The sandbox's EWS over HTTP, as a client sees it: IIS's 401s, SOAP answers, faults and switches.
let harness: Harness;
beforeEach(async () => {
  harness = await startSandbox();
});
afterEach(() => harness.close());

const org = (id: string) => EWS_ORGS.find((o) => o.id === id)!;
const rio = org('northwind').users[0]!;
const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const soapRequest = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="${T}" xmlns:m="${M}"><soap:Header><t:RequestServerVersion Version="Exchange2016"/></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
const SENDWELL_URI =
  '<t:ExtendedFieldURI DistinguishedPropertySetId="InternetHeaders" PropertyName="x-sendwell-id" PropertyType="String"/>';
const createItem = (
  sendwellId: string,
  to = 'pat@example.com',
  disposition = ' MessageDisposition="SendAndSaveCopy"',
) =>
  soapRequest(
    `<m:CreateItem${disposition}><m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"/></m:SavedItemFolderId><m:Items><t:Message><t:Subject>Quick question</t:Subject><t:Body BodyType="HTML">&lt;p&gt;Hello&lt;/p&gt;</t:Body><t:ExtendedProperty>${SENDWELL_URI}<t:Value>${sendwellId}</t:Value></t:ExtendedProperty>${to ? `<t:ToRecipients><t:Mailbox><t:EmailAddress>${to}</t:EmailAddress></t:Mailbox></t:ToRecipients>` : ''}</t:Message></m:Items></m:CreateItem>`,
  );
const findItem = (sendwellId: string) =>
  soapRequest(
    `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>${SENDWELL_URI}</t:AdditionalProperties></m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="1" Offset="0" BasePoint="Beginning"/><m:Restriction><t:IsEqualTo>${SENDWELL_URI}<t:FieldURIOrConstant><t:Constant Value="${sendwellId}"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction><m:ParentFolderIds><t:DistinguishedFolderId Id="sentitems"/></m:ParentFolderIds></m:FindItem>`,
  );
const getFolder = (mailbox?: string) =>
  soapRequest(
    `<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="sentitems">${mailbox ? `<t:Mailbox><t:EmailAddress>${mailbox}</t:EmailAddress></t:Mailbox>` : ''}</t:DistinguishedFolderId></m:FolderIds></m:GetFolder>`,
  );

async function post(orgId: string, body: string, authorization = basic(rio.username, rio.password)) {
  const response = await fetch(harness.sandbox.ews.url(orgId), {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', authorization },
    body,
  });
  const raw = await response.text();
  const parsed = parseSoap(raw);
  return { response, raw, header: parsed.ok ? parsed.header : {}, body: parsed.ok ? parsed.body : {} };
}
const responseMessage = (body: XmlNode, operation: string) =>
  child(child(child(body, `${operation}Response`), 'ResponseMessages'), `${operation}ResponseMessage`);

describe('sandbox EWS: authentication as IIS answers it', () => {
  it('answers an anonymous request 401 with each enabled scheme', async () => {
    const response = await fetch(harness.sandbox.ews.url('northwind'), { method: 'POST', body: getFolder() });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Negotiate, NTLM, Basic realm="mail.northwind.test"',
    );
  });

  it.each([
    ['the down-level name', rio.username, rio.password, 200],
    ['the UPN', rio.upn, rio.password, 200],
    ['a wrong password', rio.username, 'wrong', 401],
    ['an unknown user', 'NORTHWIND\\nobody', rio.password, 401],
  ])('Basic with %s', async (_case, username, password, status) => {
    const { response } = await post('northwind', getFolder(), basic(username, password));
    expect(response.status).toBe(status);
  });

  it('Exchange Online refuses Basic even with the right password, and names its cloud servers', async () => {
    const lee = org('litware').users[0]!;
    const { response } = await post('litware', getFolder(), basic(lee.username, lee.password));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain(
      'trusted_issuers="00000001-0000-0000-c000-000000000000@*"',
    );
    expect(response.headers.get('x-feserver')).toBe('AM0PR10CA0035');
  });

  it('a hybrid server sends clients to Entra for its tenant, and still takes Basic', async () => {
    const ada = org('tailspin').users[0]!;
    const { response, header } = await post('tailspin', getFolder(), basic(ada.username, ada.password));
    expect(response.status).toBe(200);
    expect(attr(child(header, 'ServerVersionInfo'), 'MinorVersion')).toBe('1');
    const anonymous = await fetch(harness.sandbox.ews.url('tailspin'), { method: 'POST', body: getFolder() });
    expect(anonymous.headers.get('www-authenticate')).toMatch(
      /trusted_issuers="00000001-0000-0000-c000-000000000000@[0-9a-f-]{36}"/,
    );
  });
});

describe('sandbox EWS: operations', () => {
  it('GetFolder reports Exchange 2019 and the Sent Items folder', async () => {
    const { response, header, body } = await post('northwind', getFolder());
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const version = child(header, 'ServerVersionInfo');
    expect([
      attr(version, 'MajorVersion'),
      attr(version, 'MinorVersion'),
      attr(version, 'MajorBuildNumber'),
    ]).toEqual(['15', '2', '1544']);
    const message = responseMessage(body, 'GetFolder');
    expect(attr(message, 'ResponseClass')).toBe('Success');
    expect(text(child(child(message, 'Folders'), 'Folder'), 'DisplayName')).toBe('Sent Items');
  });

  it('CreateItem SendAndSaveCopy files the message in Sent Items with our header; FindItem finds only it', async () => {
    const created = await post('northwind', createItem('snd-1'));
    expect(attr(responseMessage(created.body, 'CreateItem'), 'ResponseClass')).toBe('Success');
    await post('northwind', createItem('snd-2'));
    const items = harness.sandbox.ews.sentItems('northwind', 'rio');
    expect(items).toHaveLength(2);
    expect(items[0]!.raw).toContain('x-sendwell-id: snd-1');
    expect(items[0]!.raw).toContain('<p>Hello</p>');

    const found = responseMessage((await post('northwind', findItem('snd-1'))).body, 'FindItem');
    const root = child(found, 'RootFolder');
    expect(attr(root, 'TotalItemsInView')).toBe('1');
    const message = children(child(root, 'Items'), 'Message')[0];
    expect(attr(child(message, 'ItemId'), 'Id')).toBe(items[0]!.itemId);
    expect(text(children(message, 'ExtendedProperty')[0], 'Value')).toBe('snd-1');
    const none = responseMessage((await post('northwind', findItem('snd-9'))).body, 'FindItem');
    expect(attr(child(none, 'RootFolder'), 'TotalItemsInView')).toBe('0');
  });

  it('CreateItem takes MIME content, with our header among its own', async () => {
    const mime = Buffer.from(
      'From: rio@northwind.test\r\nTo: pat@example.com\r\nSubject: MIME\r\nX-Sendwell-Id: snd-mime\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>',
    ).toString('base64');
    await post(
      'northwind',
      soapRequest(
        `<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">${mime}</t:MimeContent></t:Message></m:Items></m:CreateItem>`,
      ),
    );
    const found = responseMessage((await post('northwind', findItem('snd-mime'))).body, 'FindItem');
    expect(attr(child(found, 'RootFolder'), 'TotalItemsInView')).toBe('1');
  });

  it.each([
    ['no recipients', createItem('snd-x', ''), 'CreateItem', 'ErrorInvalidRecipients'],
    [
      'no MessageDisposition',
      createItem('snd-x', 'pat@example.com', ''),
      'CreateItem',
      'ErrorMessageDispositionRequired',
    ],
    ["a colleague's mailbox", getFolder('kai@northwind.test'), 'GetFolder', 'ErrorAccessDenied'],
    ['an unknown mailbox', getFolder('nobody@northwind.test'), 'GetFolder', 'ErrorNonExistentMailbox'],
  ] as const)('%s: a per-item error in a 200', async (_case, request, operation, code) => {
    const { response, body } = await post('northwind', request);
    expect(response.status).toBe(200);
    const message = responseMessage(body, operation);
    expect([attr(message, 'ResponseClass'), text(message, 'ResponseCode')]).toEqual(['Error', code]);
    expect(text(message, 'MessageText')).toBe(EWS_MESSAGES[code]);
    expect(harness.sandbox.ews.sentItems('northwind', 'rio')).toHaveLength(0);
  });

  it.each([
    ['malformed XML', '<soap:Envelope><soap:Body><m:GetFolder></soap:Body>', 'ErrorSchemaValidation'],
    ['an operation it does not serve', soapRequest('<m:DeleteItem/>'), 'ErrorInvalidRequest'],
    [
      'an unknown distinguished folder',
      getFolder().replace('Id="sentitems"', 'Id="nowhere"'),
      'ErrorSchemaValidation',
    ],
    [
      'message elements out of the schema order',
      createItem('snd-x').replace(
        '<t:Subject>Quick question</t:Subject><t:Body BodyType="HTML">&lt;p&gt;Hello&lt;/p&gt;</t:Body>',
        '<t:Body BodyType="HTML">&lt;p&gt;Hello&lt;/p&gt;</t:Body><t:Subject>Quick question</t:Subject>',
      ),
      'ErrorSchemaValidation',
    ],
    [
      'a server version that does not exist',
      getFolder().replace('Version="Exchange2016"', 'Version="Exchange2019"'),
      'ErrorInvalidServerVersion',
    ],
  ])('%s: HTTP 500 with a SOAP fault', async (_case, request, code) => {
    const { response, body } = await post('northwind', request);
    expect(response.status).toBe(500);
    const fault = child(body, 'Fault');
    expect(text(fault, 'faultcode')).toBe(`a:${code}`);
    expect(text(child(fault, 'detail'), 'ResponseCode')).toBe(code);
  });
});

describe('sandbox EWS: test switches', () => {
  it('busyNext: the next calls answer ErrorServerBusy with BackOffMilliseconds, then work again', async () => {
    harness.sandbox.ews.busyNext('northwind', 2, 45_000);
    for (const _ of [1, 2]) {
      const { response, body } = await post('northwind', createItem('snd-busy'));
      expect(response.status).toBe(500);
      const detail = child(child(body, 'Fault'), 'detail');
      expect(text(detail, 'ResponseCode')).toBe('ErrorServerBusy');
      const value = child(child(detail, 'MessageXml'), 'Value');
      expect([attr(value, 'Name'), text(value)]).toEqual(['BackOffMilliseconds', '45000']);
    }
    expect(harness.sandbox.ews.sentItems('northwind', 'rio')).toHaveLength(0);
    expect((await post('northwind', createItem('snd-busy'))).response.status).toBe(200);
    expect(harness.sandbox.ews.sentItems('northwind', 'rio')).toHaveLength(1);
  });

  it('crashAfterAccept: the message is sent and saved, the client never hears back', async () => {
    harness.sandbox.ews.crashAfterAccept('northwind');
    await expect(post('northwind', createItem('snd-crash'))).rejects.toThrow();
    expect(
      harness.sandbox.ews.sentItems('northwind', 'rio').map((i) => i.internetHeaders['x-sendwell-id']),
    ).toEqual(['snd-crash']);
    expect((await post('northwind', createItem('snd-after'))).response.status).toBe(200);
  });
});

describe('call log', () => {
  it('counts EWS operations under the Basic user’s address: a send and a read, no mutation', async () => {
    await post('northwind', createItem('snd_log'));
    await post('northwind', findItem('snd_log'));
    const summary = harness.sandbox.calls(rio.address);
    expect(summary.byRoute).toEqual({
      'POST /EWS/Exchange.asmx CreateItem': 1,
      'POST /EWS/Exchange.asmx FindItem': 1,
    });
    expect(summary).toMatchObject({ sends: 1, mutating: 0 });
  });
});
