/**
 * README "Config": unknown keys and wrong types are errors (exit 2) naming
 * the key, now with the closest valid name: top-level and nested keys,
 * severities (ESLint's "warn" and 0/1/2 too) and rule ids under `rules`
 * (issue #20 item 4: a misspelled rule id was silently ignored).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { knownRuleIds, READ_RULE_IDS } from '../../src/check/rule-ids.js';
import { rules } from '../../src/check/rules/index.js';
import { ConfigError, resolveConfig } from '../../src/config.js';
import { runCommand } from '../link/run-command.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/lint/good', import.meta.url));

/** `lint` run in a folder whose commonplace.config.json is `config`. */
async function lintWith(config: unknown) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cp-config-'));
  writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify(config));
  return runCommand(['lint', '--library', GOOD], dir);
}

const message = (input: unknown): string => {
  try {
    resolveConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('no ConfigError');
};

describe('config keys', () => {
  it.each([
    [{ libary: 'notes' }, 'commonplace.config.json: unknown key "libary"; did you mean "library"?'],
    [{ minSectionWord: 3 }, 'commonplace.config.json: unknown key "minSectionWord"; did you mean "minSectionWords"?'],
    [{ handbook: { titel: 'X' } }, 'commonplace.config.json: handbook.titel: unknown key; did you mean "title"?'],
    [{ handbook: { chapters: [{ tag: 'a', titel: 'A' }] } }, 'commonplace.config.json: handbook.chapters[0].titel: unknown key; did you mean "title"?'],
    [{ sections: [{ key: 'a', heding: 'A' }] }, 'commonplace.config.json: sections[0].heding: unknown key; did you mean "heading"?'],
  ])('should name %j with the closest key, exit 2', async (config, expected) => {
    expect(message(config)).toBe(expected);
    expect(await lintWith(config)).toEqual({ code: 2, stdout: '', stderr: `commonplace lint: ${expected}\n` });
  });

  it('should list the known keys when nothing is close', () => {
    expect(message({ zzzzzzzz: 1 })).toMatch(/^commonplace\.config\.json: unknown key "zzzzzzzz"; known keys: library, out, ignore, /);
  });

  it('should refuse Object.prototype names as keys rather than treating them as known', () => {
    expect(message({ constructor: 1 })).toMatch(/^commonplace\.config\.json: unknown key "constructor"/);
    expect(message(JSON.parse('{"__proto__": {"library": "x"}}'))).toMatch(/^commonplace\.config\.json: unknown key "__proto__"/);
  });
});

describe('config rules', () => {
  it('should refuse a misspelled rule id with the closest id, exit 2 (the rule no longer silently stays on)', async () => {
    const config = { rules: { 'unlinked-mentions': 'off' } };
    const expected = 'commonplace.config.json: rules: unknown rule "unlinked-mentions"; did you mean "unlinked-mention"?';
    expect(message(config)).toBe(expected);
    expect(await lintWith(config)).toEqual({ code: 2, stdout: '', stderr: `commonplace lint: ${expected}\n` });
    expect(message({ rules: { 'no-such-thing-at-all': 'off' } })).toBe(
      'commonplace.config.json: rules: unknown rule "no-such-thing-at-all"; the rule ids are listed in the README ("Lint rules")',
    );
  });

  it.each([
    ['warn', 'warning'],
    ['eror', 'error'],
    [2, 'error'],
    [1, 'warning'],
    [0, 'off'],
    [false, 'off'],
  ])('should suggest "%s" → %j for a severity', (setting, suggested) => {
    expect(message({ rules: { placeholder: setting } })).toBe(
      `commonplace.config.json: rules.placeholder: expected "off", "info", "warning" or "error"; did you mean "${suggested}"?`,
    );
  });

  it('should accept every lint rule, read-stage, discovery and glossary id', () => {
    const ids = knownRuleIds();
    for (const id of [...rules.map((r) => r.id), 'file-too-large', 'file-not-utf8', 'discovery-symlink', 'discovery-collision', 'glossary-yaml', 'glossary-unknown-see']) {
      expect(ids).toContain(id);
    }
    const config = resolveConfig({ rules: Object.fromEntries(ids.map((id) => [id, 'warning'])) });
    expect(Object.keys(config.rules)).toEqual(ids);
  });

  it('should know every file-* and discovery-* id that src/read reports', () => {
    const found = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/'((?:file|discovery)-[a-z0-9-]+)'/g)) found.add(m[1]!);
      }
    };
    walk(path.join(SRC, 'read'));
    expect(found.size).toBeGreaterThan(10);
    expect([...found].filter((id) => !(READ_RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});

describe('config relationTypes', () => {
  it('should accept a new relation with its phrase and inverse phrase', () => {
    const config = resolveConfig({ relationTypes: { critiques: { phrase: 'Critiques', inverse: 'Critiqued by' } } });
    expect(config.relationTypes).toEqual({ critiques: { phrase: 'Critiques', inverse: 'Critiqued by' } });
  });

  it.each([
    [{ relationTypes: [] }, 'commonplace.config.json: relationTypes: expected an object of relation name → { "phrase": "Critiques", "inverse": "Critiqued by" }'],
    [{ relationTypes: { contradicts: { phrase: 'X', inverse: 'Y' } } }, 'commonplace.config.json: relationTypes.contradicts: "contradicts" is built in; choose another name'],
    [{ relationTypes: { Critiques: { phrase: 'X', inverse: 'Y' } } }, 'commonplace.config.json: relationTypes.Critiques: a relation name must be lower-case words joined by hyphens, such as "critiques"'],
    [{ relationTypes: { critiques: { phrase: 'Critiques' } } }, 'commonplace.config.json: relationTypes.critiques.inverse: expected a non-empty string'],
    [{ relationTypes: { critiques: { phrase: 'Critiques', invers: 'Critiqued by' } } }, 'commonplace.config.json: relationTypes.critiques.invers: unknown key; did you mean "inverse"?'],
  ])('should refuse %j with a message naming the key', (input, expected) => {
    expect(message(input)).toBe(expected);
  });
});
