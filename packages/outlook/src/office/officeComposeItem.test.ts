import { describe, expect, it } from 'vitest';
import { FakeOffice } from '../testing/fakeOffice';
import { DRAFT_MEMORY_KEY, officeComposeItem } from './officeComposeItem';
import { OfficeCallError } from './types';

const token = async () => 'tok';

function connected(office = new FakeOffice()) {
  const item = officeComposeItem(office, token);
  if (!item) throw new Error('expected a compose item');
  return { office, item };
}

describe('officeComposeItem', () => {
  it('reads to/cc/bcc with display names, dropping names Outlook only echoes from the address', async () => {
    const office = new FakeOffice();
    office.to = [
      { emailAddress: 'ada@acme.test', displayName: 'Ada Lovelace', recipientType: 'externalUser' },
      { emailAddress: 'bob@acme.test', displayName: 'bob@acme.test' },
    ];
    office.bcc = [{ emailAddress: 'boss@contoso.test', displayName: '' }];
    const { item } = connected(office);
    expect(await item.getRecipients()).toEqual({
      to: [{ email: 'ada@acme.test', displayName: 'Ada Lovelace' }, { email: 'bob@acme.test' }],
      cc: [],
      bcc: [{ email: 'boss@contoso.test' }],
    });
  });

  it('reads and writes the body as HTML, inserting at the cursor or replacing', async () => {
    const { office, item } = connected();
    await item.setBody('<p>one</p>');
    await item.insertHtml('<p>two</p>');
    expect(await item.getBody()).toBe('<p>one</p><p>two</p>');
    expect(office.calls.map((call) => [call.method, call.coercionType])).toEqual([
      ['body.setAsync', 'html'],
      ['body.setSelectedDataAsync', 'html'],
      ['body.getAsync', 'html'],
    ]);
  });

  it("fails with Outlook's own error name", async () => {
    const { office, item } = connected();
    office.failNext = {
      method: 'subject.setAsync',
      name: 'DataExceedsMaximumSize',
      message: 'Subject too long',
    };
    const failure = await item.setSubject('x'.repeat(300)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OfficeCallError);
    expect(failure).toMatchObject({
      operation: 'subject.setAsync',
      officeErrorName: 'DataExceedsMaximumSize',
    });
    expect(office.subject).toBe('');
  });

  it.each([
    ['office365', 'office365'],
    ['outlookCom', 'outlookCom'],
    ['enterprise', 'enterprise'],
    ['gmail', 'gmail'],
    [undefined, 'unknown'],
    ['somethingNew', 'unknown'],
  ])('maps accountType %s to %s', (reported, expected) => {
    const office = new FakeOffice();
    office.userProfile.accountType = reported;
    expect(connected(office).item.accountType).toBe(expected);
  });

  it('has no compose item outside a compose window', () => {
    expect(officeComposeItem(new FakeOffice({ withItem: false }), token)).toBeNull();
  });

  it('remembers the draft in item.sessionData where the client has Mailbox 1.11', async () => {
    const office = new FakeOffice();
    const { item } = connected(office);
    expect(item.memory.persistent).toBe(true);
    expect(await item.memory.read()).toBeNull();
    await item.memory.write('{"version":1}');
    expect(office.sessionData.get(DRAFT_MEMORY_KEY)).toBe('{"version":1}');
    expect(await connected(office).item.memory.read()).toBe('{"version":1}');
  });

  it('falls back to memory that lasts as long as the pane on older clients', async () => {
    const office = new FakeOffice();
    office.mailboxVersion = 1.1;
    const { item } = connected(office);
    expect(item.memory.persistent).toBe(false);
    await item.memory.write('x');
    expect(await item.memory.read()).toBe('x');
    expect(office.sessionData.size).toBe(0);
  });

  it('closes the draft with item.close and reads the display language', () => {
    const office = new FakeOffice();
    const { item } = connected(office);
    item.close?.();
    expect(office.closed).toBe(true);
    expect(item.displayLanguage).toBe('en-US');
  });
});
