/**
 * `pnpm bench:bounces --report`: the Markdown accuracy report (docs/bounce-accuracy.md). Pure: it
 * gets scored sets and returns text, so the bench decides where it goes.
 */
import type { BounceReport } from '@sendwell/core';
import {
  canonicalReason,
  pickFirst,
  type RowScore,
  type Summary,
  summarise,
  type TruthRow,
} from '../../core/src/bounce/scoring/score';

export interface ScoredSet {
  name: string;
  /** Where the set comes from, one sentence. */
  about: string;
  rows: (TruthRow & { family?: string })[];
  reports: BounceReport[];
  scores: RowScore[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const MEASURES: [keyof Summary, string][] = [
  ['recall', 'bounce recall'],
  ['recipientsExact', 'recipients exactly right'],
  ['status', 'status (stated codes)'],
  ['hard', 'hard/soft'],
  ['reason', 'reason'],
  ['action', 'failed vs. delayed'],
  ['messageId', 'original Message-ID'],
];

export function renderAccuracyReport(sets: ScoredSet[], context: { date: string; commit: string }): string {
  const out: string[] = [
    '# Bounce engine accuracy',
    '',
    `Written by \`pnpm bench:bounces --report\` on ${context.date} at commit \`${context.commit}\`. Do not edit by hand;`,
    'run the command again. How each set is made: `bench-data/bounces/README.md` (Sisimai) and',
    "`bench-data/notices/README.md` (ours). Reasons are compared in Sisimai's current vocabulary",
    '(`mesgtoobig` = `emailtoolarge`, `speeding` = `ratelimited`).',
    '',
    ...sets.flatMap((s) => [`- **${s.name}**: ${s.about}`]),
    '',
    '## Summary',
    '',
    summaryTable(sets),
  ];
  for (const set of sets) out.push(...setSection(set));
  return `${out.join('\n')}\n`;
}

function summaryTable(sets: ScoredSet[]): string {
  const sums = sets.map((s) => summarise(s.scores));
  const head = `| measure | ${sets.map((s) => s.name).join(' | ')} |`;
  const rule = `|---|${sets.map(() => '---:').join('|')}|`;
  const lines = [head, rule];
  lines.push(
    `| notices (bounces / others) | ${sums.map((s) => `${s.bounces} / ${s.nonBounces}`).join(' | ')} |`,
  );
  lines.push(
    `| others called bounces | ${sums.map((s) => String(Object.values(s.falsePositives).reduce((a, b) => a + b, 0))).join(' | ')} |`,
  );
  for (const [key, label] of MEASURES)
    lines.push(
      `| ${label} | ${sets.map((set, i) => cell(set.scores, key, sums[i] as Summary)).join(' | ')} |`,
    );
  return lines.join('\n');
}

function setSection(set: ScoredSet): string[] {
  return [
    '',
    `## ${set.name}`,
    '',
    '### By family (where the notice comes from)',
    '',
    groupTable(set, (row) => row.family ?? row.decoder ?? '(none)'),
    '',
    '### By the decoder that read it',
    '',
    groupTable(set, (_row, report) => report.decoder ?? '(none)'),
    '',
    '### By expected reason',
    '',
    reasonTable(set),
    '',
    '### Confusion matrix (expected reason in rows, ours in columns; bounces only)',
    '',
    confusionMatrix(set),
    '',
    '### Wrong answers',
    '',
    missList(set),
  ];
}

/** A measure no row of the group counts for (no stated action in Sisimai's truth) is "–", not 100%. */
function cell(scores: RowScore[], key: keyof Summary, summary: Summary): string {
  if (key !== 'recall' && !scores.some((sc) => sc[key as keyof RowScore] !== null)) return '–';
  return pct(summary[key] as number);
}

type Pick = (row: ScoredSet['rows'][number], report: BounceReport) => string;

function groupTable(set: ScoredSet, key: Pick): string {
  const groups = new Map<string, RowScore[]>();
  set.rows.forEach((row, i) => {
    const name = key(row, set.reports[i] as BounceReport);
    groups.set(name, [...(groups.get(name) ?? []), set.scores[i] as RowScore]);
  });
  const lines = [
    '| group | notices | bounces found | others kept apart | recipients | status | hard/soft | reason | action |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, scores] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const s = summarise(scores);
    const fp = Object.values(s.falsePositives).reduce((a, b) => a + b, 0);
    const keys: (keyof Summary & keyof RowScore)[] = [
      'recipientsExact',
      'status',
      'hard',
      'reason',
      'action',
    ];
    const cells = [pct(s.recall), ...keys.map((k) => cell(scores, k, s))];
    lines.push(
      `| ${name} | ${scores.length} | ${cells[0]} | ${s.nonBounces - fp}/${s.nonBounces} | ${cells.slice(1).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function reasonPairs(set: ScoredSet): [string, string][] {
  const pairs: [string, string][] = [];
  set.rows.forEach((row, i) => {
    const report = set.reports[i] as BounceReport;
    if (!row.is_bounce || !row.reason) return;
    const ours = report.kind === 'bounce' ? canonicalReason(pickFirst(row, report)?.reason) : null;
    pairs.push([
      canonicalReason(row.reason) ?? '-',
      ours ?? (report.kind === 'bounce' ? '-' : `(${report.kind})`),
    ]);
  });
  return pairs;
}

function reasonTable(set: ScoredSet): string {
  const pairs = reasonPairs(set);
  const reasons = [...new Set(pairs.map((p) => p[0]))].sort();
  const lines = [
    '| reason | expected | ours right | recall | we said it | precision |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const reason of reasons) {
    const expected = pairs.filter((p) => p[0] === reason).length;
    const right = pairs.filter((p) => p[0] === reason && p[1] === reason).length;
    const said = pairs.filter((p) => p[1] === reason).length;
    lines.push(
      `| ${reason} | ${expected} | ${right} | ${pct(right / expected)} | ${said} | ${said ? pct(right / said) : '-'} |`,
    );
  }
  return lines.join('\n');
}

function confusionMatrix(set: ScoredSet): string {
  const pairs = reasonPairs(set);
  const rowsOf = [...new Set(pairs.map((p) => p[0]))].sort();
  const cols = [...new Set(pairs.map((p) => p[1]))].sort();
  const lines = [`| expected \\ ours | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`];
  for (const r of rowsOf) {
    const cells = cols.map((c) => {
      const n = pairs.filter((p) => p[0] === r && p[1] === c).length;
      return n ? (r === c ? `**${n}**` : String(n)) : '';
    });
    lines.push(`| ${r} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function missList(set: ScoredSet): string {
  const lines: string[] = [];
  set.scores.forEach((score, i) => {
    const wrong = Object.entries(score)
      .filter(([k, v]) => v === false && k !== 'falsePositive')
      .map(([k]) => k);
    if (score.falsePositive) wrong.push('calledBounce');
    if (!wrong.length) return;
    const row = set.rows[i] as TruthRow;
    const report = set.reports[i] as BounceReport;
    const first = report.kind === 'bounce' ? pickFirst(row, report) : undefined;
    const expected = row.is_bounce
      ? `${row.recipients.join(',')} ${row.action ?? ''} ${row.status || '-'} ${row.reason} ${row.hard ? 'hard' : 'soft'}`
      : row.kind;
    const ours = first
      ? `${report.recipients.map((r) => r.address).join(',')} ${first.action ?? ''} ${first.status ?? '-'} ${first.reason} ${first.hard ? 'hard' : 'soft'}`
      : report.kind;
    lines.push(
      `- \`${row.file}\` (${wrong.join(', ')}): expected ${expected}; ours ${ours} (${report.decoder ?? '-'})`,
    );
  });
  return lines.length ? lines.join('\n') : 'None.';
}
