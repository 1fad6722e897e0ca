/**
 * README "Runtime dependencies and why": every runtime dependency in
 * package.json has its reason in the table, and the table names nothing the
 * package does not depend on (`micromark-extension-gfm-*` stands for the five
 * pieces it lists in brackets).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, table } from './readme.js';

const SECTION = 'Runtime dependencies and why';

describe(`README "${SECTION}"`, () => {
  it('should give a reason for exactly the runtime dependencies of package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const documented = table(SECTION).flatMap(([names = '']) => {
      const gfm = /^micromark-extension-gfm-\* \(([^)]*)\)/.exec(names);
      if (gfm) return (gfm[1] ?? '').split(/,\s*/).map((part) => `micromark-extension-gfm-${part.replace(/ /g, '-')}`).concat(names.slice(gfm[0].length).split(/,\s*/).filter((n) => n !== ''));
      return names.split(/,\s*/);
    });
    expect([...new Set(documented)].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });
});
