import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildFingerprint,
  describeOutputs,
  isUpToDate,
  manifestPath,
  readManifest,
  stampedHasher,
  writeManifest,
  type BuildInputs,
} from '../../src/cache/index.js';
import type { Diagnostic } from '../../src/types.js';

const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-manifest-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  while (temps.length > 0) rmSync(temps.pop()!, { recursive: true, force: true });
});

const inputs: BuildInputs = {
  version: '1.0.0',
  configHash: 'c'.repeat(64),
  files: [
    { path: 'b.md', sha256: 'b'.repeat(64) },
    { path: 'a.md', sha256: 'a'.repeat(64) },
  ],
};
const outputs = [
  { name: 'handbook.md', content: '# Handbook\n' },
  { name: 'index.json', content: '{}\n' },
];

const finding: Diagnostic = {
  ruleId: 'frontmatter-key-order',
  severity: 'warning',
  message: 'Unexpected key order',
  file: 'a.md',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 5,
  fix: { start: 4, end: 20, text: 'title: A\n' },
};

/** A finished build: outputs on disk and the manifest that describes them. */
const built = (): { out: string; file: string } => {
  const out = tempDir();
  for (const o of outputs) writeFileSync(path.join(out, o.name), o.content);
  const file = manifestPath(tempDir());
  writeManifest(file, { fingerprint: buildFingerprint(inputs), outputs: describeOutputs(outputs), findings: [finding] });
  return { out, file };
};

describe('buildFingerprint', () => {
  it('should not depend on file order but on every input', () => {
    const base = buildFingerprint(inputs);
    expect(buildFingerprint({ ...inputs, files: [...inputs.files].reverse() })).toBe(base);
    expect(buildFingerprint({ ...inputs, version: '1.0.1' })).not.toBe(base);
    expect(buildFingerprint({ ...inputs, configHash: 'd'.repeat(64) })).not.toBe(base);
    expect(buildFingerprint({ ...inputs, files: [inputs.files[0]!, { path: 'a.md', sha256: 'e'.repeat(64) }] })).not.toBe(base);
    expect(buildFingerprint({ ...inputs, files: inputs.files.slice(1) })).not.toBe(base);
    expect(buildFingerprint({ ...inputs, extra: ['SOURCE_DATE_EPOCH=1'] })).not.toBe(base);
  });
});

describe('isUpToDate', () => {
  it('should hold when nothing changed and the outputs are intact', () => {
    const { out, file } = built();
    expect(isUpToDate(readManifest(file), buildFingerprint(inputs), out)).toBe(true);
  });

  it('should give back the findings the build printed, as they were', () => {
    const { file } = built();
    expect(readManifest(file)?.findings).toEqual([finding]);
  });

  it('should read a manifest written before findings were kept as a build without findings', () => {
    const file = manifestPath(tempDir());
    writeFileSync(file, JSON.stringify({ fingerprint: 'f'.repeat(64), outputs: [{ name: 'a', sha256: 'a'.repeat(64) }] }));
    expect(readManifest(file)?.findings).toEqual([]);
  });

  it('should fail when an input changed', () => {
    const { out, file } = built();
    expect(isUpToDate(readManifest(file), buildFingerprint({ ...inputs, version: '2.0.0' }), out)).toBe(false);
  });

  it('should fail when an output was edited or deleted', () => {
    const { out, file } = built();
    writeFileSync(path.join(out, 'index.json'), '{"edited":true}\n');
    expect(isUpToDate(readManifest(file), buildFingerprint(inputs), out)).toBe(false);
    rmSync(path.join(out, 'index.json'));
    expect(isUpToDate(readManifest(file), buildFingerprint(inputs), out)).toBe(false);
  });

  it.each([
    ['an empty file', ''],
    ['truncated JSON', '{"fingerprint": "'],
    ['a foreign JSON file', '{"name":"commonplace","version":"0.1.0"}'],
    ['an output outside the folder', JSON.stringify({ fingerprint: 'f'.repeat(64), outputs: [{ name: '../etc/passwd', sha256: 'a'.repeat(64) }] })],
    ['no outputs', JSON.stringify({ fingerprint: 'f'.repeat(64), outputs: [] })],
    ['findings that are not a list', JSON.stringify({ fingerprint: 'f'.repeat(64), outputs: [{ name: 'a', sha256: 'a'.repeat(64) }], findings: {} })],
    ['a finding without a position', JSON.stringify({ fingerprint: 'f'.repeat(64), outputs: [{ name: 'a', sha256: 'a'.repeat(64) }], findings: [{ ruleId: 'x', severity: 'warning', message: 'm', file: 'a.md' }] })],
    ['a finding of an unknown severity', JSON.stringify({ fingerprint: 'f'.repeat(64), outputs: [{ name: 'a', sha256: 'a'.repeat(64) }], findings: [{ ...{ ruleId: 'x', message: 'm', file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2 }, severity: 'warn' }] })],
  ])('should not trust a manifest that is %s', (_name, text) => {
    const file = manifestPath(tempDir());
    writeFileSync(file, text);
    expect(readManifest(file)).toBeNull();
    expect(isUpToDate(readManifest(file), 'f'.repeat(64), tempDir())).toBe(false);
  });
});

describe('stampedHasher', () => {
  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
  const later = (): number => Date.now() + 10_000;

  it('should hash a file from its bytes and record its stamp once the stamp has settled', () => {
    const file = path.join(tempDir(), 'a.md');
    writeFileSync(file, 'alpha\n');
    const hasher = stampedHasher({}, later);
    expect(hasher.hash(file)).toBe(sha256('alpha\n'));
    expect(hasher.stamps[file]?.[1]).toBe(sha256('alpha\n'));
    expect(hasher.learned).toBe(true);
  });

  it('should never record the stamp of a file written in the last two seconds', () => {
    const file = path.join(tempDir(), 'a.md');
    writeFileSync(file, 'alpha\n');
    const hasher = stampedHasher();
    expect(hasher.hash(file)).toBe(sha256('alpha\n'));
    expect(hasher.stamps).toEqual({});
    expect(hasher.learned).toBe(false);
  });

  it('should take the recorded hash without reading the file when its stamp is unchanged', () => {
    const file = path.join(tempDir(), 'a.md');
    writeFileSync(file, 'alpha\n');
    const stamp = stampedHasher({}, later);
    stamp.hash(file);
    // The recorded hash is returned as is: proof that the bytes were not read again.
    const known = { [file]: [stamp.stamps[file]![0], 'f'.repeat(64)] as [string, string] };
    const hasher = stampedHasher(known, later);
    expect(hasher.hash(file)).toBe('f'.repeat(64));
    expect(hasher.learned).toBe(false);
  });

  it('should read the file again when it was rewritten since its stamp was recorded', () => {
    const file = path.join(tempDir(), 'a.md');
    writeFileSync(file, 'alpha\n');
    const first = stampedHasher({}, later);
    first.hash(file);
    writeFileSync(file, 'bravo\n'); // same size: only the times and the content differ
    expect(stampedHasher(first.stamps, later).hash(file)).toBe(sha256('bravo\n'));
  });

  it('should find a build up to date from stamps, and not once an output is changed', () => {
    const { out, file } = built();
    const checked = stampedHasher(readManifest(file)!.stamps, later);
    expect(isUpToDate(readManifest(file), buildFingerprint(inputs), out, checked)).toBe(true);
    writeManifest(file, { ...readManifest(file)!, stamps: checked.stamps });
    expect(isUpToDate(readManifest(file), buildFingerprint(inputs), out, stampedHasher(readManifest(file)!.stamps, later))).toBe(true);
    writeFileSync(path.join(out, 'index.json'), '[]\n');
    expect(isUpToDate(readManifest(file), buildFingerprint(inputs), out, stampedHasher(readManifest(file)!.stamps, later))).toBe(false);
  });
});
