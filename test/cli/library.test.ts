import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/io.js';
import { locateLibrary } from '../../src/cli/library.js';
import { ConfigError } from '../../src/config.js';

const LIBRARY = path.resolve('test/fixtures/link/library');

const io = (cwd: string): CommandIO => ({ cwd, env: {}, stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough() });

describe('locateLibrary', () => {
  it('should use --library against the working folder, else the config’s library against the config folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-locate-'));
    expect(() => locateLibrary(io(dir), undefined)).toThrow(ConfigError);
    writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify({ library: path.relative(dir, LIBRARY) }));
    expect(locateLibrary(io(dir), undefined).root).toBe(LIBRARY);
    expect(locateLibrary(io(path.dirname(LIBRARY)), 'library').root).toBe(LIBRARY);
  });

  it('should refuse a folder that does not exist, naming it relative to the working folder', () => {
    expect(() => locateLibrary(io(LIBRARY), 'missing')).toThrow('library folder not found: missing');
  });
});
