import type { Hono } from 'hono';
import { buttonAction, buttonByText, shownCard } from '../cards/cardTestUtils';
import type { AddonResponse, Card } from '../cards/types';
import { createSchemaCheck } from './cardSchema';
import type { createTestGoogle } from './googleTokens';

/** The compose window as Gmail holds it: what the rep typed, and what Insert put in. */
export interface ComposeWindow {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
}

export interface Answer {
  status: number;
  json: AddonResponse & { error?: { code: string; message: string } };
  card: Card | undefined;
  notification: string | undefined;
}

/**
 * Drives the add-on as Gmail does: compose trigger and card clicks with the clicked button's
 * parameters and the card's form inputs, the draft's recipients in the event, Insert applied to the
 * window (at the cursor, which sits at the end here). Every answer is checked against Google's
 * schema, so every test that uses the driver also proves the add-on emits only schema fields.
 */
export function createAddonDriver(options: {
  app: Hono;
  google: Awaited<ReturnType<typeof createTestGoogle>>;
  email?: string;
  window?: Partial<ComposeWindow>;
  /** Gmail's `userLocale` and `timeZone.id` for the rep. */
  locale?: string;
  timeZone?: string;
}) {
  const check = createSchemaCheck();
  const window: ComposeWindow = { to: [], cc: [], bcc: [], subject: '', body: '', ...options.window };
  let card: Card | undefined;
  let forms: Record<string, string> = {};
  /** Date-time pickers' values (ms since the epoch), answered as Gmail does: `dateTimeInput`. */
  let moments: Record<string, number> = {};
  /** The message open in the reader (the contextual trigger's `gmail.messageId`). */
  let openMessageId: string | undefined;

  function formInputs() {
    const strings = Object.entries(forms).map(([k, v]) => [k, { stringInputs: { value: [v] } }]);
    const dates = Object.entries(moments).map(([k, ms]) => [
      k,
      { dateTimeInput: { msSinceEpoch: String(ms), hasDate: true, hasTime: true } },
    ]);
    return Object.fromEntries([...strings, ...dates]);
  }

  async function post(query: string, parameters: Record<string, string> = {}): Promise<Answer> {
    const event = {
      commonEventObject: {
        hostApp: 'GMAIL',
        userLocale: options.locale ?? 'en-GB',
        timeZone: { id: options.timeZone ?? 'Europe/London', offset: 0 },
        parameters,
        formInputs: formInputs(),
      },
      gmail: {
        toRecipients: window.to,
        ccRecipients: window.cc,
        bccRecipients: window.bcc,
        ...(openMessageId ? { messageId: openMessageId, threadId: `thread-${openMessageId}` } : {}),
      },
      authorizationEventObject: {
        userIdToken: await options.google.userToken(options.email ?? 'rep@example.com'),
      },
    };
    const res = await options.app.request(`/addon?${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await options.google.systemToken()}`,
      },
      body: JSON.stringify(event),
    });
    const json = (await res.json()) as Answer['json'];
    if (res.status === 200) {
      const problems = check(json);
      if (problems.length) throw new Error(`not Google's schema:\n${problems.join('\n')}`);
    }
    const markup = json.renderActions?.hostAppAction?.gmailAction.updateDraftActionMarkup;
    if (markup?.updateBody) window.body += markup.updateBody.insertContents.map((c) => c.content).join('');
    if (markup?.updateSubject) window.subject = markup.updateSubject.subject;
    const shown = json.renderActions ? shownCard(json) : undefined;
    if (shown) card = shown;
    return {
      status: res.status,
      json,
      card: shown,
      notification: json.renderActions?.action?.notification?.text,
    };
  }

  return {
    window,
    get card(): Card {
      if (!card) throw new Error('no card shown yet');
      return card;
    },
    /** Sets a form input (a picker choice) on the shown card. */
    choose(name: string, value: string) {
      forms = { ...forms, [name]: value };
    },
    /** Sets a date-time picker on the shown card (an instant; null clears it). */
    chooseMoment(name: string, at: Date | null) {
      const { [name]: _old, ...rest } = moments;
      moments = at ? { ...rest, [name]: at.getTime() } : rest;
    },
    compose: () => post('t=compose'),
    home: () => post('t=home'),
    /** Opens a message in the reader: the contextual trigger with its Gmail message id. */
    open(messageId: string) {
      openMessageId = messageId;
      return post('t=open');
    },
    /** Clicks the button with this text on the shown card (or on an older card, to click twice). */
    async click(text: string, on: Card | undefined = card): Promise<Answer> {
      const button = on ? buttonByText(on, text) : undefined;
      if (!button) throw new Error(`no button "${text}" on the card`);
      const { action, parameters, disabled } = buttonAction(button);
      if (disabled) throw new Error(`button "${text}" is disabled`);
      return post(`t=action&a=${action}`, parameters);
    },
    post,
  };
}
