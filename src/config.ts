/**
 * `commonplace.config.json`: the config type, its defaults and its validation.
 * Every default here is written in the README's "Config" table; keep them in step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { knownRuleIds } from './check/rule-ids.js';
import { closestMatch } from './check/suggest.js';
import { BUILTIN_RELATIONS, RELATION_NAME, type RelationPhrases } from './link/relation-types.js';

/** A required section of the note type. */
export interface SectionSpec {
  /** Key used in the index (`centralArgument`). */
  key: string;
  /** Canonical heading text (`Central argument`). */
  heading: string;
  /** When true the heading may go on (`Why it matters for product`). */
  allowSuffix: boolean;
}

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

export interface HandbookConfig {
  title: string;
  subtitle: string;
  editor: string;
  /** Tag → chapter title, in chapter order. Notes with none of these tags go to `otherChapter`. */
  chapters: { tag: string; title: string }[];
  otherChapter: string;
}

export interface Config {
  /** Library folder, relative to the config file's folder. */
  library: string;
  /** Output folder for `build`. */
  out: string;
  /** Extra glob patterns (relative to the library) to ignore. */
  ignore: string[];
  /** Front-matter fields that must be present. */
  requiredFields: string[];
  /** The required sections, in order. */
  sections: SectionSpec[];
  /** Heading depth of the required sections. */
  sectionDepth: number;
  /** Minimum words in each required section. */
  minSectionWords: number;
  /** Minimum words in the summary. */
  minSummaryWords: number;
  /** Files larger than this are refused before reading. */
  maxFileBytes: number;
  /** Front-matter blocks larger than this are refused before parsing. */
  maxFrontmatterBytes: number;
  /** Per-note parse budget in milliseconds. */
  parseTimeoutMs: number;
  /** Plausible range for `year`. */
  minYear: number;
  maxYear: number;
  /** Per-rule severity override (`off` disables a rule). */
  rules: Record<string, RuleSetting>;
  /** Related notes per note. */
  relatedLimit: number;
  /** Relation names beyond the built-in five (`src/link/relation-types.ts`), each with its phrase and inverse phrase. */
  relationTypes: Record<string, RelationPhrases>;
  handbook: HandbookConfig;
  /** Which outputs `build` writes (names from OUTPUT_NAMES, or `all`); see `selectOutputs`. */
  outputs: string[];
}

/**
 * The outputs `build` can write, by name. `index` is index.json with its
 * schema; `site` is `dist/site/`; `pdf` is opt-in (it needs Chromium), every
 * other one is on by default.
 */
export const OUTPUT_NAMES = ['markdown', 'html', 'index', 'epub', 'pdf', 'bibtex', 'csl', 'site'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export const CONFIG_FILE = 'commonplace.config.json';

export const defaultConfig: Config = {
  library: 'library',
  out: 'dist',
  ignore: [],
  requiredFields: ['title', 'author', 'year', 'source'],
  sections: [
    { key: 'centralArgument', heading: 'Central argument', allowSuffix: false },
    { key: 'critique', heading: 'Critique', allowSuffix: false },
    { key: 'whyItMatters', heading: 'Why it matters', allowSuffix: true },
  ],
  sectionDepth: 2,
  minSectionWords: 25,
  minSummaryWords: 10,
  maxFileBytes: 1024 * 1024,
  maxFrontmatterBytes: 64 * 1024,
  parseTimeoutMs: 4000,
  minYear: 1000,
  maxYear: 2100,
  rules: {},
  relatedLimit: 5,
  relationTypes: {},
  handbook: {
    title: 'Commonplace',
    subtitle: 'A handbook of essays worth sharing',
    editor: '',
    chapters: [],
    otherChapter: 'Further reading',
  },
  outputs: ['markdown', 'html', 'index', 'epub', 'bibtex', 'csl', 'site'],
};

/** A config problem; the CLI turns it into exit code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Check = (value: unknown, where: string) => void;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const expect = (ok: boolean, where: string, what: string): void => {
  if (!ok) throw new ConfigError(`${where}: expected ${what}`);
};

const string: Check = (v, w) => expect(typeof v === 'string', w, 'a string');
const nonEmptyString: Check = (v, w) =>
  expect(typeof v === 'string' && v.trim() !== '', w, 'a non-empty string');
const positiveInteger: Check = (v, w) =>
  expect(Number.isInteger(v) && (v as number) > 0, w, 'a positive integer');
const integer: Check = (v, w) => expect(Number.isInteger(v), w, 'an integer');
const stringList: Check = (v, w) =>
  expect(Array.isArray(v) && v.every((x) => typeof x === 'string'), w, 'a list of strings');

const severities = ['off', 'info', 'warning', 'error'];

/** ESLint's and markdownlint's spellings of a severity, mapped to ours for the "did you mean". */
const FOREIGN_SEVERITIES: Record<string, string> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error', false: 'off' };

/** `; did you mean "x"?` for the closest of `names`, else `; expected one of …` (`list` words the fallback). */
function suggestion(input: string, names: readonly string[], list = `expected one of ${names.join(', ')}`): string {
  const match = closestMatch(input, names);
  return match === null ? `; ${list}` : `; did you mean "${match}"?`;
}

/** Refuses keys of `object` outside `known`, with the closest known key. */
function knownKeys(object: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw new ConfigError(`${where}.${key}: unknown key${suggestion(key, known)}`);
  }
}

const checks: Record<keyof Config, Check> = {
  library: nonEmptyString,
  out: nonEmptyString,
  ignore: stringList,
  requiredFields: stringList,
  sections: (v, w) => {
    expect(Array.isArray(v) && v.length > 0, w, 'a non-empty list of sections');
    const keys = new Set<string>();
    (v as unknown[]).forEach((s, i) => {
      const at = `${w}[${i}]`;
      expect(isRecord(s), at, 'an object {key, heading, allowSuffix}');
      const spec = s as Record<string, unknown>;
      knownKeys(spec, ['key', 'heading', 'allowSuffix'], at);
      nonEmptyString(spec.key, `${at}.key`);
      nonEmptyString(spec.heading, `${at}.heading`);
      expect(typeof (spec.allowSuffix ?? false) === 'boolean', `${at}.allowSuffix`, 'a boolean');
      expect(!keys.has(spec.key as string), `${at}.key`, 'a key not used by another section');
      keys.add(spec.key as string);
    });
  },
  sectionDepth: (v, w) => expect(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 6, w, 'an integer from 1 to 6'),
  minSectionWords: (v, w) => expect(Number.isInteger(v) && (v as number) >= 0, w, 'a non-negative integer'),
  minSummaryWords: (v, w) => expect(Number.isInteger(v) && (v as number) >= 0, w, 'a non-negative integer'),
  maxFileBytes: positiveInteger,
  maxFrontmatterBytes: positiveInteger,
  parseTimeoutMs: positiveInteger,
  minYear: integer,
  maxYear: integer,
  rules: (v, w) => {
    expect(isRecord(v), w, 'an object of rule id → "off" | "info" | "warning" | "error"');
    const ids = knownRuleIds();
    for (const [id, s] of Object.entries(v as object)) {
      if (!ids.includes(id)) throw new ConfigError(`${w}: unknown rule "${id}"${suggestion(id, ids, 'the rule ids are listed in the README ("Lint rules")')}`);
      if (severities.includes(s as string)) continue;
      const near = FOREIGN_SEVERITIES[String(s)] ?? (typeof s === 'string' ? closestMatch(s, severities) : null);
      throw new ConfigError(`${w}.${id}: expected "off", "info", "warning" or "error"${near ? `; did you mean "${near}"?` : ''}`);
    }
  },
  relatedLimit: (v, w) => expect(Number.isInteger(v) && (v as number) >= 0, w, 'a non-negative integer'),
  relationTypes: (v, w) => {
    expect(isRecord(v), w, 'an object of relation name → { "phrase": "Critiques", "inverse": "Critiqued by" }');
    for (const [name, spec] of Object.entries(v as object)) {
      const at = `${w}.${name}`;
      if (!RELATION_NAME.test(name)) throw new ConfigError(`${at}: a relation name must be lower-case words joined by hyphens, such as "critiques"`);
      if (Object.hasOwn(BUILTIN_RELATIONS, name)) throw new ConfigError(`${at}: "${name}" is built in; choose another name`);
      expect(isRecord(spec), at, 'an object { "phrase": …, "inverse": … }');
      knownKeys(spec as Record<string, unknown>, ['phrase', 'inverse'], at);
      nonEmptyString((spec as Record<string, unknown>).phrase, `${at}.phrase`);
      nonEmptyString((spec as Record<string, unknown>).inverse, `${at}.inverse`);
    }
  },
  handbook: (v, w) => {
    expect(isRecord(v), w, 'an object');
    const h = v as Record<string, unknown>;
    knownKeys(h, ['title', 'subtitle', 'editor', 'chapters', 'otherChapter'], w);
    if ('title' in h) string(h.title, `${w}.title`);
    if ('subtitle' in h) string(h.subtitle, `${w}.subtitle`);
    if ('editor' in h) string(h.editor, `${w}.editor`);
    if ('otherChapter' in h) nonEmptyString(h.otherChapter, `${w}.otherChapter`);
    if ('chapters' in h) {
      expect(Array.isArray(h.chapters), `${w}.chapters`, 'a list of {tag, title}');
      (h.chapters as unknown[]).forEach((c, i) => {
        expect(isRecord(c), `${w}.chapters[${i}]`, 'an object {tag, title}');
        knownKeys(c as Record<string, unknown>, ['tag', 'title'], `${w}.chapters[${i}]`);
        nonEmptyString((c as Record<string, unknown>).tag, `${w}.chapters[${i}].tag`);
        nonEmptyString((c as Record<string, unknown>).title, `${w}.chapters[${i}].title`);
      });
    }
  },
  outputs: (v, w) => {
    stringList(v, w);
    selectOutputs(v as string[], w);
  },
};

/**
 * The set of outputs a list of names selects (`all` selects every one), or
 * throws ConfigError naming the first unknown name and the closest known one.
 * `where` says where the list came from (`commonplace.config.json: outputs`, `--outputs`).
 */
export function selectOutputs(names: readonly string[], where: string): Set<OutputName> {
  const known = [...OUTPUT_NAMES, 'all'];
  if (names.length === 0) throw new ConfigError(`${where}: expected at least one of ${known.join(', ')}`);
  for (const name of names) {
    if (!known.includes(name)) {
      throw new ConfigError(`${where}: unknown output "${name}"${suggestion(name, known, `known outputs: ${known.join(', ')}`)}`);
    }
  }
  return new Set(names.includes('all') ? OUTPUT_NAMES : (names as OutputName[]));
}

/**
 * Validates a parsed config object and merges it over the defaults.
 * Throws ConfigError naming the offending key and what was expected.
 */
export function resolveConfig(input: unknown, source = CONFIG_FILE): Config {
  if (input === undefined) return structuredClone(defaultConfig);
  if (!isRecord(input)) throw new ConfigError(`${source}: expected a JSON object`);
  for (const [key, value] of Object.entries(input)) {
    if (key === '$schema') continue;
    const check = Object.hasOwn(checks, key) ? (checks as Record<string, Check>)[key] : undefined;
    if (!check) {
      throw new ConfigError(`${source}: unknown key "${key}"${suggestion(key, Object.keys(checks), `known keys: ${Object.keys(checks).join(', ')}`)}`);
    }
    check(value, `${source}: ${key}`);
  }
  const merged = { ...structuredClone(defaultConfig), ...structuredClone(input) } as Config;
  merged.handbook = { ...defaultConfig.handbook, ...(isRecord(input.handbook) ? structuredClone(input.handbook) : {}) };
  merged.sections = merged.sections.map((s) => ({ ...s, allowSuffix: s.allowSuffix ?? false }));
  if (merged.minYear > merged.maxYear) throw new ConfigError(`${source}: minYear must not exceed maxYear`);
  return merged;
}

/**
 * Reads `commonplace.config.json` from `dir` (the repo root, usually), or
 * returns the defaults when there is none. `configDir` is where the config
 * lives so that `library`/`out` resolve against it.
 */
export function loadConfig(dir: string): { config: Config; configDir: string; file: string | null } {
  const file = path.join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { config: structuredClone(defaultConfig), configDir: dir, file: null };
    }
    throw new ConfigError(`${CONFIG_FILE}: cannot read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE}: not valid JSON: ${(error as Error).message}`);
  }
  return { config: resolveConfig(parsed, CONFIG_FILE), configDir: dir, file };
}
