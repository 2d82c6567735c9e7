import type { AccountType, ComposeItem, DraftMemory, DraftRecipients } from '../office/types';

/** The draft's session data, as Outlook keeps it for the item (it outlives one pane). */
class FakeDraftMemory implements DraftMemory {
  persistent = true;
  value: string | null = null;
  async read() {
    return this.value;
  }
  async write(value: string) {
    this.value = value;
  }
}

/** An in-memory draft: what the rep typed, and what the pane wrote into it. */
export class FakeComposeItem implements ComposeItem {
  recipients: DraftRecipients = { to: [], cc: [], bcc: [] };
  subject = '';
  body = '';
  readonly inserted: string[] = [];
  displayLanguage = 'en-US';
  readonly memory = new FakeDraftMemory();
  closed = false;
  close: (() => void) | null = () => {
    this.closed = true;
  };

  constructor(
    readonly accountType: AccountType = 'office365',
    readonly userEmail = 'rep@contoso.test',
    readonly userName = 'Rae Rep',
  ) {}

  async getRecipients() {
    return structuredClone(this.recipients);
  }
  async getSubject() {
    return this.subject;
  }
  async setSubject(subject: string) {
    this.subject = subject;
  }
  async getBody() {
    return this.body;
  }
  async insertHtml(html: string) {
    this.inserted.push(html);
    this.body += html;
  }
  async setBody(html: string) {
    this.body = html;
  }
  async getAccessToken() {
    return 'test-token';
  }
}
