import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../src/check/example-note.js';
import { defineRule } from '../../src/check/rule.js';
import { checkLibrary, effectiveSeverity, INTERNAL_ERROR } from '../../src/check/run.js';
import { defaultConfig } from '../../src/config.js';
import { noteFromText } from '../../src/read/parse.js';
import type { Diagnostic, ReadFailure } from '../../src/types.js';
import { lintFiles } from './harness.js';
import { wholeBodies } from '../../src/read/bodies.js';

const boom = defineRule({
  id: 'boom',
  description: 'Throws, to test the runner.',
  severity: 'error',
  scope: 'note',
  examples: { ok: ['x'], notOk: ['y'] },
  check() {
    throw new Error('kaput');
  },
});

const diag = (file: string, line: number, column: number, ruleId: string): Diagnostic => ({
  ruleId, severity: 'error', message: 'm', file, line, column, endLine: line, endColumn: column,
});

describe('checkLibrary', () => {
  it('should report nothing on a good note', () => {
    expect(lintFiles({ 'good.md': exampleNote() })).toEqual([]);
  });

  it('should turn a throwing rule into an internal-error on that file and go on', () => {
    const note = noteFromText('a.md', exampleNote({ summary: `${EXAMPLE_SUMMARY} ` }));
    const found = checkLibrary({ notes: [note], bodies: wholeBodies([note]), failures: [], concepts: [], mentions: new Map(), config: defaultConfig, rules: [boom] });
    expect(found.map((d) => `${d.ruleId}:${d.file}`)).toEqual([`${INTERNAL_ERROR}:a.md`]);
    expect(found[0]!.message).toContain('kaput');
  });

  it('should pass read failures and read diagnostics through, sorted by file, line, column, rule id', () => {
    const failure: ReadFailure = { path: 'b.md', diagnostic: diag('b.md', 1, 1, 'file-not-utf8') };
    const found = checkLibrary({
      notes: [],
      bodies: wholeBodies([]),
      failures: [failure],
      concepts: [],
      mentions: new Map(),
      config: defaultConfig,
      readDiagnostics: [diag('c.md', 2, 1, 'z'), diag('a.md', 3, 1, 'y'), diag('c.md', 2, 1, 'a'), diag('a.md', 10, 1, 'x'), diag('B.md', 1, 1, 'q')],
    });
    expect(found.map((d) => `${d.file}:${d.line}:${d.ruleId}`)).toEqual(['B.md:1:q', 'a.md:3:y', 'a.md:10:x', 'b.md:1:file-not-utf8', 'c.md:2:a', 'c.md:2:z']);
  });

  it('should re-grade or switch off any rule id from config.rules', () => {
    const config = { ...defaultConfig, rules: { 'trailing-whitespace': 'error' as const, 'summary-min-words': 'off' as const, 'file-empty': 'warning' as const } };
    expect(effectiveSeverity('trailing-whitespace', 'warning', config)).toBe('error');
    expect(effectiveSeverity('summary-min-words', 'error', config)).toBeNull();
    const found = lintFiles({ 'n.md': exampleNote({ summary: 'Too short. ' }) }, { config });
    expect(found.map((d) => `${d.ruleId}:${d.severity}`)).toEqual(['trailing-whitespace:error']);
    const passed = checkLibrary({ notes: [], bodies: wholeBodies([]), failures: [{ path: 'e.md', diagnostic: diag('e.md', 1, 1, 'file-empty') }], concepts: [], mentions: new Map(), config });
    expect(passed[0]!.severity).toBe('warning');
  });
});
