/**
 * What `commonplace init` writes into a project folder: the config, a
 * library with one example note and a small glossary, the note template, a
 * .gitignore, npm scripts, and optionally a GitHub Actions workflow.
 *
 * Invariant: no existing byte is lost. New files are created with the
 * exclusive flag (an existing file or a planted symlink is left alone and
 * reported); the only files changed in place are .gitignore and
 * package.json, and only by adding what they lack (lines, script names),
 * written atomically.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE, loadConfig } from '../config.js';
import { GLOSSARY_FILE } from '../link/glossary.js';
import { createExclusive, writeFileAtomic } from '../util/fs-write.js';
import { TEMPLATE_PATH } from './template.js';

/** The package's own files: `<package>/starter` and `<package>/templates`, from src/ or lib/ alike. */
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const STARTER_DIR = path.join(PACKAGE_DIR, 'starter');
/** The example note init puts into an empty library. */
export const EXAMPLE_NOTE = 'how-do-committees-invent.md';
/** Where `--ci github` writes its workflow, relative to the project folder. */
export const GITHUB_WORKFLOW = '.github/workflows/commonplace.yml';

export interface InitChoices {
  /** The handbook's title page (`handbook.title`). */
  title: string;
  subtitle: string;
  editor: string;
  /** Write a CI workflow for this service. */
  ci: 'github' | null;
}

/** What happened to one path, relative to the project folder and `/`-separated. */
export interface InitStep {
  path: string;
  status: 'created' | 'updated' | 'left alone' | 'skipped';
  /** Why it was left alone, or what was added. */
  detail?: string;
}

/** The result of `initProject`: every step, and whether the project depends on Commonplace. */
export interface InitResult {
  steps: InitStep[];
  /** False when package.json is missing or does not list `commonplace` in its dependencies. */
  dependsOnCommonplace: boolean;
  /** The npm scripts (of `SCRIPTS`) that run Commonplace after init: `npm run <name>` works for these. */
  scripts: string[];
}

/** The npm scripts init adds to package.json. */
export const SCRIPTS = { new: 'commonplace new', lint: 'commonplace lint', build: 'commonplace build' } as const;

/**
 * Scaffolds the project in `dir` (created when missing). Throws ConfigError
 * when an existing commonplace.config.json is invalid (its `library` and
 * `out` are used), and file-system errors as they come.
 */
export function initProject(dir: string, choices: InitChoices): InitResult {
  mkdirSync(dir, { recursive: true });
  const steps: InitStep[] = [];
  const { config, file: existingConfig } = loadConfig(dir);
  const written = { library: config.library, out: config.out, handbook: { title: choices.title, subtitle: choices.subtitle, editor: choices.editor } };
  steps.push(existingConfig ? leftAlone(CONFIG_FILE) : create(dir, CONFIG_FILE, `${JSON.stringify(written, null, 2)}\n`));

  const library = path.join(dir, config.library);
  const libraryRel = toPosix(path.relative(dir, library)) || '.';
  const hasNotes = !existsSync(path.join(library, EXAMPLE_NOTE)) && existsSync(library) && readdirSync(library, { recursive: true }).some((name) => String(name).endsWith('.md'));
  steps.push(
    hasNotes
      ? { path: `${libraryRel}/${EXAMPLE_NOTE}`, status: 'left alone', detail: `not added: ${libraryRel}/ already has notes` }
      : create(dir, `${libraryRel}/${EXAMPLE_NOTE}`, starter(`library/${EXAMPLE_NOTE}`)),
    create(dir, `${libraryRel}/${GLOSSARY_FILE}`, starter(`library/${GLOSSARY_FILE}`)),
    create(dir, TEMPLATE_PATH, readFileSync(path.join(PACKAGE_DIR, TEMPLATE_PATH), 'utf8')),
    ensureGitignore(dir, [...ignoredOut(dir, config.out), 'node_modules/']),
  );
  const pkg = addScripts(dir);
  steps.push(pkg.step);
  if (choices.ci === 'github') steps.push(create(dir, GITHUB_WORKFLOW, starter('ci/github.yml')));
  return { steps, dependsOnCommonplace: pkg.dependsOnCommonplace, scripts: pkg.scripts };
}

function starter(name: string): string {
  return readFileSync(path.join(STARTER_DIR, name), 'utf8');
}

/** The output folder as a .gitignore line, when it is inside the project. */
function ignoredOut(dir: string, out: string): string[] {
  const rel = toPosix(path.relative(dir, path.resolve(dir, out)));
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? [] : [`/${rel}/`];
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

const leftAlone = (rel: string, detail = 'already there'): InitStep => ({ path: rel, status: 'left alone', detail });

/** Creates `rel` with the exclusive flag; an existing file (or link) is left alone. */
function create(dir: string, rel: string, content: string): InitStep {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    createExclusive(file, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ELOOP') return leftAlone(rel);
    throw error;
  }
  return { path: rel, status: 'created' };
}

/** Adds the missing `lines` to .gitignore (creating it when there is none); existing lines are kept as they are. */
function ensureGitignore(dir: string, lines: string[]): InitStep {
  const file = path.join(dir, '.gitignore');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return create(dir, '.gitignore', `# Commonplace: the built handbook, and the cache (in node_modules/.cache/commonplace)\n${lines.join('\n')}\n`);
  }
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/^\//, '').replace(/\/$/, '')));
  const missing = lines.filter((line) => !present.has(line.replace(/^\//, '').replace(/\/$/, '')));
  if (missing.length === 0) return leftAlone('.gitignore', `already ignores ${lines.join(' and ')}`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text === '' || text.endsWith('\n') ? '' : eol;
  writeFileAtomic(file, `${text}${sep}${missing.join(eol)}${eol}`);
  return { path: '.gitignore', status: 'updated', detail: `added ${missing.join(', ')}` };
}

/** Adds the `new`, `lint` and `build` scripts that package.json lacks; never changes an existing script. */
function addScripts(dir: string): { step: InitStep; dependsOnCommonplace: boolean; scripts: string[] } {
  const file = path.join(dir, 'package.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { step: { path: 'package.json', status: 'skipped', detail: 'none here: no npm scripts added' }, dependsOnCommonplace: false, scripts: [] };
  }
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    return { step: leftAlone('package.json', 'not valid JSON: no npm scripts added'), dependsOnCommonplace: false, scripts: [] };
  }
  if (!isRecord(pkg) || (pkg.scripts !== undefined && !isRecord(pkg.scripts))) {
    return { step: leftAlone('package.json', 'not an object with a "scripts" object: no npm scripts added'), dependsOnCommonplace: false, scripts: [] };
  }
  const dependsOnCommonplace = ['dependencies', 'devDependencies'].some((key) => isRecord(pkg[key]) && Object.hasOwn(pkg[key], 'commonplace'));
  const scripts: Record<string, unknown> = isRecord(pkg.scripts) ? pkg.scripts : {};
  const added = Object.entries(SCRIPTS).filter(([name]) => !Object.hasOwn(scripts, name));
  const kept = Object.keys(SCRIPTS).filter((name) => Object.hasOwn(scripts, name) && scripts[name] !== SCRIPTS[name as keyof typeof SCRIPTS]);
  const keptNote = kept.length > 0 ? `; kept your own ${kept.map((k) => `"${k}"`).join(', ')} (run npx commonplace ${kept.join('/')} instead)` : '';
  const ours = Object.keys(SCRIPTS).filter((name) => !kept.includes(name));
  if (added.length === 0) return { step: leftAlone('package.json', `scripts already there${keptNote}`), dependsOnCommonplace, scripts: ours };
  pkg.scripts = { ...scripts, ...Object.fromEntries(added) };
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? 2;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  writeFileAtomic(file, `${JSON.stringify(pkg, null, indent).replace(/\n/g, eol)}${text.endsWith('\n') ? eol : ''}`);
  return { step: { path: 'package.json', status: 'updated', detail: `added scripts ${added.map(([n]) => `"${n}"`).join(', ')}${keptNote}` }, dependsOnCommonplace, scripts: ours };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
