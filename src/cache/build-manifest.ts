/**
 * The whole-build short cut for "nothing changed": a fingerprint of every
 * input (tool version, config, each library file's path and content hash,
 * the glossary) stored beside the hashes of the outputs it produced. When the
 * next build's fingerprint is the same and every output is still on disk with
 * the recorded bytes, the outputs are already byte-identical to what a full
 * build would write, so `build` can stop after hashing its inputs.
 *
 * The manifest also keeps the build's findings, which are as much a function
 * of the fingerprint as the outputs: a library with warnings is skipped as
 * fast as one without, and its report is given again from the manifest.
 *
 * It also keeps the settled stamps (src/util/file-stamp.ts) of the files it
 * hashed, inputs and outputs, so the next check reads and hashes only the
 * files whose stamp changed (as git's index, Hugo and mdBook do): a warm
 * build of 10,000 notes stats its files instead of reading them.
 *
 * Like the note cache, the manifest is never trusted: unreadable, malformed
 * or foreign content means "build normally".
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../util/fs-write.js';
import type { Diagnostic, Severity } from '../types.js';
import { fileStamp } from '../util/file-stamp.js';
import { compareCodePoints } from '../util/sort.js';

/** What one build produced, and from what. */
export interface BuildManifest {
  fingerprint: string;
  /** Output file names (relative to the output folder) with the sha256 of their bytes. */
  outputs: { name: string; sha256: string }[];
  /**
   * The build's findings (warnings and infos; errors stop a build), library
   * paths: they depend only on the fingerprinted inputs, so a skipped build
   * reports them again (the API returns all; the CLI prints warnings) instead of linting again.
   */
  findings: Diagnostic[];
  /** Absolute path → [settled stamp, sha256] of the inputs and outputs hashed when it was written or last checked. */
  stamps?: FileStamps;
}

/** Absolute path → [stamp, sha256 of the bytes the file had under that stamp]. */
export type FileStamps = Record<string, [string, string]>;

/** Everything a build's outputs depend on. */
export interface BuildInputs {
  version: string;
  configHash: string;
  /** Every library file read (notes and glossary), with the sha256 of its bytes. */
  files: { path: string; sha256: string }[];
  /** Anything else that changes outputs (the output folder, SOURCE_DATE_EPOCH…). */
  extra?: string[];
}

const MANIFEST_FILE = 'build-manifest.json';

/** The manifest's place in a cache folder. */
export const manifestPath = (cacheDir: string): string => path.join(cacheDir, MANIFEST_FILE);

/** A hash of every input; file order does not matter. */
export function buildFingerprint(inputs: BuildInputs): string {
  const hash = createHash('sha256');
  hash.update(`commonplace-build\0${inputs.version}\0${inputs.configHash}\0`);
  const files = [...inputs.files].sort((a, b) => compareCodePoints(a.path, b.path));
  for (const file of files) hash.update(`${file.path}\0${file.sha256}\n`);
  for (const item of inputs.extra ?? []) hash.update(`extra\0${item}\n`);
  return hash.digest('hex');
}

/** The stored manifest, or null when absent or not exactly the shape written here. */
export function readManifest(file: string): BuildManifest | null {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (typeof m.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(m.fingerprint) || !Array.isArray(m.outputs)) return null;
  const outputs = m.outputs.filter(
    (o: unknown): o is BuildManifest['outputs'][number] =>
      typeof o === 'object' &&
      o !== null &&
      typeof (o as Record<string, unknown>).name === 'string' &&
      isPlainName((o as Record<string, string>).name ?? '') &&
      /^[0-9a-f]{64}$/.test(String((o as Record<string, unknown>).sha256)),
  );
  // Manifests from before findings were kept were only written for builds without any.
  const findings = m.findings === undefined ? [] : m.findings;
  if (!Array.isArray(findings) || !findings.every(isFinding)) return null;
  // Stamps only save work: a manifest without valid ones (or from before they were kept) hashes every file.
  const stamps = isFileStamps(m.stamps) ? m.stamps : {};
  return outputs.length === m.outputs.length && outputs.length > 0 ? { fingerprint: m.fingerprint, outputs, findings, stamps } : null;
}

function isFileStamps(value: unknown): value is FileStamps {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && /^[0-9a-f]{64}$/.test(String(entry[1])));
}

/** Hashes files, taking the sha256 from `known` when a file's stamp is the one recorded there (see `stampedHasher`). */
export interface StampedHasher {
  /** sha256 of the file's bytes, or a marker when it cannot be read (which then never matches a real hash). */
  hash(file: string): string;
  /** The settled stamps of every file hashed so far: what the next manifest keeps. */
  readonly stamps: FileStamps;
  /** True when a file was hashed whose settled stamp `known` lacked: writing the stamps again saves the next check that read. */
  readonly learned: boolean;
}

/**
 * A hasher that reads a file only when its stamp is not the settled one
 * recorded in `known`. A stamp younger than two seconds is never recorded:
 * such a file is read and hashed every time until it settles. `clock`
 * gives the time stamps are judged at (tests move it on).
 */
export function stampedHasher(known: FileStamps = {}, clock: () => number = Date.now): StampedHasher {
  const stamps: FileStamps = {};
  let learned = false;
  return {
    stamps,
    get learned() {
      return learned;
    },
    hash(file) {
      const stamp = fileStamp(file, clock());
      const recorded = Object.hasOwn(known, file) ? known[file] : undefined;
      if (stamp && recorded && recorded[0] === stamp.text) {
        stamps[file] = recorded;
        return recorded[1];
      }
      let sha: string;
      try {
        sha = sha256(readFileSync(file));
      } catch (error) {
        return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
      }
      if (stamp?.settled) {
        stamps[file] = [stamp.text, sha];
        learned = true;
      }
      return sha;
    },
  };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const isSpan = (v: Record<string, unknown>): boolean => ['line', 'column', 'endLine', 'endColumn'].every((k) => Number.isSafeInteger(v[k]));

const isRelated = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.file === 'string' && typeof r.message === 'string' && Number.isSafeInteger(r.line) && Number.isSafeInteger(r.column);
};

/** The shape of a Diagnostic as JSON: enough that printing it cannot fail. */
function isFinding(value: unknown): value is Diagnostic {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.ruleId === 'string' &&
    typeof d.message === 'string' &&
    typeof d.file === 'string' &&
    SEVERITIES.includes(d.severity as Severity) &&
    isSpan(d) &&
    (d.related === undefined || (Array.isArray(d.related) && d.related.every(isRelated))) &&
    (d.fix === undefined || (typeof d.fix === 'object' && d.fix !== null))
  );
}

/** Records a finished build (atomically). */
export function writeManifest(file: string, manifest: BuildManifest): void {
  writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest entry for output files as written. */
export function describeOutputs(files: readonly { name: string; content: string | Uint8Array }[]): BuildManifest['outputs'] {
  return files.map((f) => ({ name: f.name, sha256: sha256(f.content) }));
}

/**
 * True when the manifest matches `fingerprint` and every recorded output is
 * in `outDir` with its recorded bytes (hashed by `hasher`, so an output
 * whose settled stamp is unchanged is not read).
 */
export function isUpToDate(manifest: BuildManifest | null, fingerprint: string, outDir: string, hasher: StampedHasher = stampedHasher(manifest?.stamps)): boolean {
  if (!manifest || manifest.fingerprint !== fingerprint) return false;
  return manifest.outputs.every((output) => hasher.hash(path.join(outDir, output.name)) === output.sha256);
}

/** Output names are plain relative paths: no `..`, no absolute paths. */
const isPlainName = (name: string): boolean => name !== '' && !path.isAbsolute(name) && !name.split(/[\\/]/).includes('..');

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
