import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 6, "one voice": every word a card shows comes from core's catalog. This reads the syntax
 * tree of the cards and handlers and lists string literals (plain or template) given as a card's
 * text — a text, title, subtitle, header or label property, or the words passed to paragraph(),
 * button(), notify() or the handlers' answer() — when they hold words; only the brand name may.
 */
const SRC = join(import.meta.dirname, '..');
const ALLOWED = new Set(['Sendwell']);
const TEXT_PROPERTIES = new Set(['text', 'title', 'subtitle', 'header', 'label', 'topLabel', 'bottomLabel']);
/** The argument that carries words, per call. */
const TEXT_ARGUMENT: Record<string, number> = {
  paragraph: 0,
  notify: 0,
  button: 1,
  answer: 2,
  showConfirm: 3,
};

function wordsOf(node: ts.Node): string | null {
  let text: string | null = null;
  if (ts.isStringLiteralLike(node)) text = node.text;
  else if (ts.isTemplateExpression(node))
    text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return text !== null && /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim()) ? text : null;
}

function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(SRC, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const check = (node: ts.Node | undefined) => {
    const words = node && wordsOf(node);
    if (words) found.push(`${file}: ${words}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.has(node.name.getText(source)))
      check(node.initializer);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const at = TEXT_ARGUMENT[node.expression.text];
      if (at !== undefined) check(node.arguments[at]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('Gmail cards and handlers', () => {
  const files = ['cards', 'handlers'].flatMap((dir) =>
    readdirSync(join(SRC, dir))
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.includes('TestUtils'))
      .map((f) => `${dir}/${f}`),
  );

  it('are read (the scan sees the cards)', () => {
    expect(files).toEqual(expect.arrayContaining(['cards/confirmCard.ts', 'handlers/send.ts']));
  });

  it('show no literal text that bypasses the catalog', () => {
    expect(files.flatMap(literalsIn)).toEqual([]);
  });
});
