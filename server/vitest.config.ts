import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/**
 * The server's tests run against the library's sources (not its dist), so `npm test` needs no build first.
 * Each test file runs in its own process (`forks`): chdb allows one data directory per process.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^userscope\/core$/, replacement: src('core/index.ts') },
      { find: /^userscope\/adapters\/(rest|otlp|langfuse|demo|memory)$/, replacement: src('adapters/$1/index.ts') },
      { find: /^userscope\/testing$/, replacement: src('testing/index.ts') },
    ],
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
