/**
 * README "Config: `commonplace.config.json`": the defaults table is parsed and
 * held to `defaultConfig` both ways, and its promise "unknown keys and wrong
 * types are errors (exit 2) naming the key" is tried on every key it lists.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, resolveConfig } from '../../src/config.js';
import { runCommand } from '../link/run-command.js';
import { table } from './readme.js';

const SECTION = 'Config: commonplace.config.json';
/** [key path, default cell] for each key the table names (`minYear`, `maxYear` share a row). */
const rows: [string, string][] = table(SECTION).flatMap(([keys = '', defaults = '']) => {
  const names = keys.split(/,\s*/);
  const values = names.length > 1 ? defaults.split(/,\s*/) : [defaults];
  return names.map((name, i): [string, string] => [name.trim(), (values[i] ?? '').trim()]);
});

const valueAt = (key: string): unknown => key.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], defaultConfig);
const withValue = (key: string, value: unknown): Record<string, unknown> => {
  const [head = '', sub] = key.split('.');
  return sub === undefined ? { [head]: value } : { [head]: { [sub]: value } };
};

describe(`README "${SECTION}"`, () => {
  it('should list every config key, and only config keys', () => {
    const documented = rows.map(([key]) => key).sort();
    const real = Object.entries(defaultConfig)
      .flatMap(([key, value]) => (key === 'handbook' ? Object.keys(value as object).map((sub) => `handbook.${sub}`) : [key]))
      .sort();
    expect(documented).toEqual(real);
  });

  const json = (cell: string): unknown => {
    try {
      return JSON.parse(cell);
    } catch {
      return undefined;
    }
  };
  const valued = rows.filter(([, cell]) => json(cell) !== undefined);
  it('should give a JSON default for every key but the sections (described in words)', () => {
    expect(rows.filter(([, cell]) => json(cell) === undefined).map(([key]) => key)).toEqual(['sections']);
  });

  it.each(valued)('should give %s the documented default %s', (key, cell) => {
    expect(valueAt(key)).toEqual(json(cell));
  });

  it('should describe the default sections as they are', () => {
    const [, cell = ''] = table(SECTION).find(([key]) => key === 'sections') ?? [];
    for (const section of defaultConfig.sections) expect(cell).toContain(section.heading);
    expect(defaultConfig.sections.at(-1)?.allowSuffix).toBe(true);
  });

  it.each(rows.map(([key]) => key))('should refuse a wrong type for %s, naming the key', (key) => {
    expect(() => resolveConfig(withValue(key, true))).toThrow(ConfigError);
    expect(() => resolveConfig(withValue(key, true))).toThrow(key.split('.').at(-1));
  });

  it('should refuse an unknown key naming it, and exit 2 from the command line', async () => {
    expect(() => resolveConfig({ libary: 'notes' })).toThrow(/unknown key "libary"/);
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-readme-config-'));
    writeFileSync(path.join(dir, 'commonplace.config.json'), '{ "libary": "notes" }');
    const result = await runCommand(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('libary');
  });

  it('should accept each rule setting the table names and refuse others', () => {
    const [, , meaning = ''] = table(SECTION).find(([key]) => key === 'rules') ?? [];
    const settings = [...meaning.matchAll(/"([a-z]+)"/g)].map((m) => m[1] ?? '');
    expect(settings.sort()).toEqual(['error', 'info', 'off', 'warning']);
    for (const setting of settings) expect(resolveConfig({ rules: { 'raw-html': setting } }).rules['raw-html']).toBe(setting);
    expect(() => resolveConfig({ rules: { 'raw-html': 'warn' } })).toThrow(ConfigError);
  });
});
