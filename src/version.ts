import { readFileSync } from 'node:fs';

/** The tool version (from package.json); part of every cache key. */
export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
