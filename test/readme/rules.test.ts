/**
 * README "Lint rules": the rule table read as a reader reads it (each row
 * against its rule object; test/check/examples.test.ts runs every rule's
 * examples), and the read-stage ids the section names against the ids the
 * code emits, each of which config `rules` can re-grade.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULE_IDS, PASS_THROUGH_IDS } from '../../src/check/run.js';
import { rules } from '../../src/check/rules/index.js';
import { defaultConfig } from '../../src/config.js';
import { lintLibrary } from '../../src/pipeline.js';
import { ROOT, sectionText, table } from './readme.js';

const SECTION = 'Lint rules';

describe(`README "${SECTION}"`, () => {
  it('should have one row per rule, in order, with its severity, scope, fixability and description', () => {
    const rows = table(SECTION);
    expect(rows.map(([id]) => id)).toEqual(rules.map((r) => r.id));
    for (const [i, rule] of rules.entries()) {
      const [, severity, scope, fixable] = rows[i] ?? [];
      expect([severity, scope, fixable], rule.id).toEqual([rule.severity, rule.scope, rule.fixable ? 'yes' : '']);
    }
  });

  it('should name only ids the code has, and the code should emit no id the runner does not know', () => {
    const prose = sectionText(SECTION).split('<!-- rules:end -->')[1] ?? '';
    const named = [...prose.matchAll(/`((?:file|discovery|glossary)-[a-z-]+)`/g)].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(10);
    for (const id of named) expect(PASS_THROUGH_IDS, id).toContain(id);
    const emitted = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else for (const m of readFileSync(full, 'utf8').matchAll(/'((?:file|discovery|glossary)-[a-z]+(?:-[a-z0-9]+)*)'/g)) emitted.add(m[1] ?? '');
      }
    };
    walk(path.join(ROOT, 'src'));
    for (const id of emitted) expect(ALL_RULE_IDS, id).toContain(id);
  });

  it('should let config `rules` re-grade or switch off a read-stage id, as it says', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cp-readme-rules-'));
    writeFileSync(path.join(root, 'x.MD'), '# x\n');
    const graded = await lintLibrary({ root, config: { ...defaultConfig, rules: { 'discovery-extension': 'error' } }, workers: 0 });
    expect(graded.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['discovery-extension', 'error']]);
    const off = await lintLibrary({ root, config: { ...defaultConfig, rules: { 'discovery-extension': 'off' } }, workers: 0 });
    expect(off.diagnostics).toEqual([]);
  });
});
