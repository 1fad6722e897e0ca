import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A CLI run outside any project caches in the user's cache folder (src/cache/location.ts): never the real one in tests.
    env: { XDG_CACHE_HOME: path.join(tmpdir(), 'commonplace-test-xdg-cache') },
  },
});
