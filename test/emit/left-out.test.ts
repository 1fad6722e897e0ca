/**
 * An output a build leaves out on purpose (handbook.html past its note
 * limit) is removed when an earlier build wrote it: a stale file would look
 * current. The limit is lowered through the module (a 3,001-note library is
 * a bench job, not a test); everything else is the real build.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../src/types.js';
import { fileURLToPath } from 'node:url';

const limit = vi.hoisted(() => ({ notes: Number.POSITIVE_INFINITY }));
vi.mock('../../src/emit/handbook-html.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/emit/handbook-html.js')>();
  return {
    ...real,
    handbookHtmlNotice: (library: Library, wanted: ReadonlySet<string>) =>
      wanted.has('html') && library.notes.length > limit.notes ? `handbook.html not written: past ${limit.notes} notes` : undefined,
  };
});

const { buildProject, findProject } = await import('../../src/project.js');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const outDir = mkdtempSync(path.join(os.tmpdir(), 'cp-left-out-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('an output left out on purpose', () => {
  it('should remove the handbook.html an earlier build wrote, say why, and keep every other output', async () => {
    // The bundled library (lint-clean), built into a temp folder.
    const bundled = findProject(ROOT, undefined);
    const project = { ...bundled, config: { ...bundled.config, outputs: ['markdown', 'html', 'index'] } };
    const first = await buildProject(project, outDir, undefined, { sourceDateEpoch: undefined });
    expect(first.findings.filter((d) => d.severity === 'error')).toEqual([]);
    expect(first.status).toBe('built');
    expect(readFileSync(path.join(outDir, 'handbook.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const markdown = readFileSync(path.join(outDir, 'handbook.md'));
    const index = readFileSync(path.join(outDir, 'index.json'));

    limit.notes = 1;
    const second = await buildProject(project, outDir, undefined, { sourceDateEpoch: undefined });
    expect(second).toMatchObject({ status: 'built', notices: ['handbook.html not written: past 1 notes'] });
    expect(existsSync(path.join(outDir, 'handbook.html'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'handbook.md'))).toEqual(markdown);
    expect(readFileSync(path.join(outDir, 'index.json'))).toEqual(index);
  });
});
