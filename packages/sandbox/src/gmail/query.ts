/**
 * A subset of Gmail's search syntax for `users.messages.list?q=`: `from:`, `to:`, `cc:`, `subject:`,
 * `in:`, `label:`, `is:`, `newer_than:`/`older_than:` (d, m, y; also h), `after:`/`before:` (epoch
 * seconds or yyyy/mm/dd at midnight PST, as Gmail reads them), `rfc822msgid:`, `has:attachment`,
 * quoted phrases, bare words, `OR`, `-` negation, `( )` grouping, `{ }` any-of, and `key:(a OR b)`.
 */
export interface SearchView {
  from: string;
  to: string;
  cc: string;
  subject: string;
  /** Everything a bare word may match: headers shown to users and the body text, lowercased. */
  text: string;
  labelIds: string[];
  receivedAt: Date;
  /** Message-ID without angle brackets. */
  messageId: string;
}

export type Matcher = (m: SearchView) => boolean;

type Token =
  | { t: 'word' | 'phrase'; v: string }
  | { t: 'key'; k: string; v: string | null }
  | { t: '(' | ')' | '{' | '}' | '-' | 'OR' };

const KEYS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'in',
  'label',
  'is',
  'newer_than',
  'older_than',
  'newer',
  'older',
  'after',
  'before',
  'rfc822msgid',
  'has',
]);

function readQuoted(q: string, i: number): [string, number] {
  const end = q.indexOf('"', i + 1);
  return end < 0 ? [q.slice(i + 1), q.length] : [q.slice(i + 1, end), end + 1];
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if ('(){}'.includes(ch)) {
      tokens.push({ t: ch as '(' });
      i++;
      continue;
    }
    if (ch === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      tokens.push({ t: '-' });
      i++;
      continue;
    }
    if (ch === '"') {
      const [v, next] = readQuoted(q, i);
      tokens.push({ t: 'phrase', v: v.toLowerCase() });
      i = next;
      continue;
    }
    let j = i;
    while (j < q.length && !/[\s(){}"]/.test(q[j]!)) j++;
    const word = q.slice(i, j);
    const colon = word.indexOf(':');
    const key = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
    if (KEYS.has(key)) {
      const rest = word.slice(colon + 1);
      if (rest === '' && q[j] === '"') {
        const [v, next] = readQuoted(q, j);
        tokens.push({ t: 'key', k: key, v: v.toLowerCase() });
        i = next;
        continue;
      }
      tokens.push({ t: 'key', k: key, v: rest === '' ? null : rest.toLowerCase() });
    } else if (word === 'OR' || word === '|') tokens.push({ t: 'OR' });
    else tokens.push({ t: 'word', v: word.toLowerCase() });
    i = j;
  }
  return tokens;
}

const PST_OFFSET_MS = 8 * 3600_000;

function parseDateValue(v: string): number | null {
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(v);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + PST_OFFSET_MS : null;
}

function ageMs(v: string): number | null {
  const m = /^(\d+)([hdmy])$/.exec(v);
  if (!m) return null;
  const unit = { h: 3600_000, d: 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 }[m[2] as 'h'];
  return Number(m[1]) * unit;
}

function keyMatcher(key: string, v: string, now: Date): Matcher {
  switch (key) {
    case 'from':
      return (m) => m.from.includes(v);
    case 'to':
      return (m) => m.to.includes(v) || m.cc.includes(v);
    case 'cc':
      return (m) => m.cc.includes(v);
    case 'bcc':
      return () => false;
    case 'subject':
      return (m) => m.subject.includes(v);
    case 'in':
      return v === 'anywhere' ? () => true : (m) => m.labelIds.includes(v.toUpperCase());
    case 'label':
      return (m) => m.labelIds.some((l) => l.toLowerCase() === v.replace(/-/g, ' ') || l.toLowerCase() === v);
    case 'is':
      return v === 'read'
        ? (m) => !m.labelIds.includes('UNREAD')
        : (m) => m.labelIds.includes(v.toUpperCase());
    case 'rfc822msgid':
      return (m) => m.messageId.toLowerCase() === v.replace(/^<|>$/g, '');
    case 'has':
      return () => false;
    case 'newer_than':
    case 'older_than':
    case 'newer':
    case 'older': {
      const age = ageMs(v);
      if (age === null) return () => false;
      const cutoff = now.getTime() - age;
      return key.startsWith('newer')
        ? (m) => m.receivedAt.getTime() > cutoff
        : (m) => m.receivedAt.getTime() < cutoff;
    }
    default: {
      const at = parseDateValue(v);
      if (at === null) return () => false;
      return key === 'after' ? (m) => m.receivedAt.getTime() >= at : (m) => m.receivedAt.getTime() < at;
    }
  }
}

class Parser {
  #i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly now: Date,
  ) {}

  parse(): Matcher {
    const m = this.#or(null);
    if (this.#i >= this.tokens.length) return m;
    this.#i++;
    return this.parseRest(m);
  }

  /** Stray closing brackets are skipped, as Gmail is lenient with queries. */
  private parseRest(left: Matcher): Matcher {
    const right = this.parse();
    return (m) => left(m) && right(m);
  }

  #or(key: string | null): Matcher {
    const options = [this.#and(key)];
    while (this.tokens[this.#i]?.t === 'OR') {
      this.#i++;
      options.push(this.#and(key));
    }
    return options.length === 1 ? options[0]! : (m) => options.some((o) => o(m));
  }

  #and(key: string | null): Matcher {
    const all: Matcher[] = [];
    while (this.#i < this.tokens.length && !['OR', ')', '}'].includes(this.tokens[this.#i]!.t))
      all.push(this.#unary(key));
    return (m) => all.every((a) => a(m));
  }

  #unary(key: string | null): Matcher {
    const token = this.tokens[this.#i++]!;
    switch (token.t) {
      case '-': {
        const inner = this.#unary(key);
        return (m) => !inner(m);
      }
      case '(': {
        const inner = this.#or(key);
        this.#close(')');
        return inner;
      }
      case '{': {
        const any: Matcher[] = [];
        while (this.#i < this.tokens.length && this.tokens[this.#i]!.t !== '}') any.push(this.#unary(key));
        this.#close('}');
        return (m) => any.some((a) => a(m));
      }
      case 'key':
        if (token.v !== null) return keyMatcher(token.k, token.v, this.now);
        if (this.tokens[this.#i]?.t === '(') {
          this.#i++;
          const inner = this.#or(token.k);
          this.#close(')');
          return inner;
        }
        return () => true;
      case 'word':
      case 'phrase': {
        const v = token.v;
        return key ? keyMatcher(key, v, this.now) : (m) => m.text.includes(v);
      }
      default:
        return () => true;
    }
  }

  #close(t: ')' | '}'): void {
    if (this.tokens[this.#i]?.t === t) this.#i++;
  }
}

/** Compiles a Gmail `q` string into a matcher; relative terms are measured from `now`. */
export function compileQuery(q: string | undefined, now: Date): Matcher {
  if (!q?.trim()) return () => true;
  return new Parser(tokenize(q), now).parse();
}

/** What a query lets a listing skip: messages before a time, or all but a few Message-IDs. */
interface QueryHints {
  /** Epoch ms: nothing received before it can match. */
  notBefore?: number;
  /** Message-IDs without angle brackets (lowercased): only these can match. */
  messageIds?: string[];
}

/**
 * Hints from the top-level terms of a plain conjunction (no OR, negation, grouping or braces):
 * `newer_than:`/`newer:`/`after:` bound the time, `rfc822msgid:` the candidates. The matcher
 * still decides; the hints only let the listing stop early (an incremental scan stays O(new mail)).
 */
export function queryHints(q: string | undefined, now: Date): QueryHints {
  if (!q?.trim()) return {};
  const tokens = tokenize(q);
  if (tokens.some((t) => t.t !== 'word' && t.t !== 'phrase' && t.t !== 'key')) return {};
  const hints: QueryHints = {};
  for (const token of tokens) {
    if (token.t !== 'key' || token.v === null) continue;
    let at: number | null = null;
    if (token.k === 'after') at = parseDateValue(token.v);
    if (token.k === 'newer_than' || token.k === 'newer') {
      const age = ageMs(token.v);
      at = age === null ? null : now.getTime() - age;
    }
    if (at !== null) hints.notBefore = Math.max(hints.notBefore ?? at, at);
    if (token.k === 'rfc822msgid')
      hints.messageIds = [...(hints.messageIds ?? []), token.v.replace(/^<|>$/g, '')];
  }
  return hints;
}
