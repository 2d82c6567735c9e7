import type { AccountType, ComposeItem, DraftRecipients } from '../office/types';

/** An in-memory draft: what the rep typed, and what the pane wrote into it. */
export class FakeComposeItem implements ComposeItem {
  recipients: DraftRecipients = { to: [], cc: [], bcc: [] };
  subject = '';
  body = '';
  readonly inserted: string[] = [];

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
