import { defineConfig } from 'tsup';

/**
 * The server ships ESM only (it runs on Node, never in a bundler's browser build). `userscope` and the engines stay
 * external: the engines are optional peers, loaded with `import()` only when a database URI asks for them.
 */
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outDir: 'dist',
  format: ['esm'],
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'node',
  dts: { entry: { index: 'src/index.ts' }, compilerOptions: { ignoreDeprecations: '6.0' } },
  external: [/^userscope(\/|$)/, '@duckdb/node-api', 'chdb', '@clickhouse/client'],
});
