import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 6, "one voice": every word the pane shows comes from core's catalog. This reads each
 * component's syntax tree and lists JSX text and text-bearing attributes (title, label, aria-label,
 * placeholder) written as literals; only the brand name may be.
 */
const DIR = join(import.meta.dirname);
const ALLOWED = new Set(['Sendwell']);
const TEXT_ATTRIBUTES = new Set(['title', 'label', 'aria-label', 'placeholder', 'alt']);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim());

function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(DIR, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal = value && ts.isJsxExpression(value) ? value.expression : value;
      if (literal && ts.isStringLiteralLike(literal) && hasWords(literal.text)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${file}: ${text}`);
}

describe('pane components', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.tsx') && !f.includes('.test.'));

  it('are read (the scan sees the components)', () => {
    expect(files).toContain('SendPanel.tsx');
    expect(files.length).toBeGreaterThan(10);
  });

  it('show no literal text that bypasses the catalog', () => {
    expect(files.flatMap(literalsIn)).toEqual([]);
  });
});
