/**
 * Running the real, compiled CLI as a child process (so worker threads,
 * parse budgets and atomic writes are exercised exactly as a user gets
 * them), and looking at a folder tree without following symlinks.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The CLI entry point users run. */
export const BIN = path.join(ROOT, 'bin', 'commonplace.js');
/** The hostile fixture folders. */
export const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');

/** Newest modification time (ms) of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Compiles `src/` to `lib/` when lib/ is missing or older than any source
 * file. A lock folder keeps two test files from running tsc at once.
 */
export function ensureCompiled(): void {
  const stamp = path.join(ROOT, 'lib', 'cli', 'main.js');
  // tsc rewrites its build info on every compile that changed anything, even when main.js stays the same.
  const buildInfo = path.join(ROOT, 'lib', '.tsbuildinfo');
  const fresh = (): boolean => {
    try {
      return existsSync(stamp) && statSync(buildInfo).mtimeMs >= newestMtime(path.join(ROOT, 'src'));
    } catch {
      return false;
    }
  };
  if (fresh()) return;
  const lock = path.join(tmpdir(), 'commonplace-reliability-compile.lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) break; // a stale lock: compile anyway
      execFileSync('sleep', ['0.2']);
    }
  }
  try {
    if (!fresh()) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  } catch (error) {
    // A type error in a file someone is still editing: tsc emits anyway, so run what was emitted.
    if (!existsSync(stamp)) throw error;
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // someone else removed a stale lock
    }
  }
}

/** What a CLI run gave back. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node [nodeArgs] bin/commonplace.js …args` in `cwd`; never rejects. */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; nodeArgs?: string[] }): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'commonplace-rel-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Copies the files of each fixture folder, flat, into `target` (created). */
export function copyFlat(target: string, ...folders: string[]): void {
  mkdirSync(target, { recursive: true });
  for (const folder of folders) {
    for (const name of readdirSync(folder)) cpSync(path.join(folder, name), path.join(target, name), { recursive: true });
  }
}

/**
 * Every entry under `dir` (symlinks listed, never followed) → a fingerprint:
 * `file:<sha256>`, `dir`, `link:<target>` or `other`.
 */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const full = path.join(dir, child);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out.set(child, `link:${readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        out.set(child, 'dir');
        walk(child);
      } else if (stat.isFile()) out.set(child, `file:${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
      else out.set(child, 'other');
    }
  };
  walk('');
  return out;
}

/** Entries that were added, removed or changed between two snapshots. */
export function diffTrees(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) changed.push(before.has(key) ? `changed ${key}` : `added ${key}`);
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`);
  return changed.sort();
}

/** One diagnostic of `lint --format json` (ESLint's shape). */
export interface JsonMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
}

/** `lint --format json` output → library-relative file → its messages. */
export function findingsByFile(stdout: string, libraryDir: string, cwd: string): Map<string, JsonMessage[]> {
  const files = JSON.parse(stdout) as { filePath: string; messages: JsonMessage[] }[];
  const out = new Map<string, JsonMessage[]>();
  for (const file of files) {
    const rel = path.relative(libraryDir, path.resolve(cwd, file.filePath)).split(path.sep).join('/');
    out.set(rel, [...(out.get(rel) ?? []), ...file.messages]);
  }
  return out;
}
