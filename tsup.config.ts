import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defineConfig } from 'tsup';

const OUT_DIR = 'dist';

/**
 * One tsup build for every public entry point (see the `exports` map in package.json).
 * tsup already leaves `dependencies` and `peerDependencies` (and their subpaths) out of the bundle;
 * the list below adds the React runtime explicitly and msw, which only `userscope/testing` imports.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    hooks: 'src/hooks/index.ts',
    core: 'src/core/index.ts',
    'adapters/memory': 'src/adapters/memory/index.ts',
    'adapters/demo': 'src/adapters/demo/index.ts',
    'adapters/rest': 'src/adapters/rest/index.ts',
    'adapters/otlp': 'src/adapters/otlp/index.ts',
    'adapters/langfuse': 'src/adapters/langfuse/index.ts',
    'adapters/worker': 'src/adapters/worker/index.ts',
    // The worker script createWorkerProvider starts, next to its entry: new URL('./worker-thread.js', import.meta.url).
    'adapters/worker-thread': 'src/adapters/worker/worker-thread.ts',
    testing: 'src/testing/index.ts',
    'testing/msw': 'src/testing/msw.ts',
    // The translations: one entry each, so a host loads only the languages it imports.
    'locales/de': 'src/locales/de.ts',
    'locales/fr': 'src/locales/fr.ts',
    'locales/es': 'src/locales/es.ts',
    'locales/ja': 'src/locales/ja.ts',
    'locales/pt-BR': 'src/locales/pt-BR.ts',
    'locales/zh-CN': 'src/locales/zh-CN.ts',
  },
  outDir: OUT_DIR,
  format: ['esm', 'cjs'],
  // Shared code goes into chunks in CJS too, so a class such as ProviderError or the React context of
  // UserscopeProvider exists once, whichever entry points a CommonJS host requires.
  splitting: true,
  // No source maps in the package: they were 60 % of the unpacked tarball (issue 21), and the output is not minified.
  sourcemap: false,
  clean: true,
  target: 'es2022',
  // TS 6: tsup sets `baseUrl` for the dts build, which TS 6 reports as deprecated (TS5101) without this.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  external: ['react', 'react-dom', 'react/jsx-runtime', 'msw', /^msw\//],
  // CJS has no `import.meta`: there the worker provider finds its worker script by `__dirname` instead.
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.define = { ...options.define, 'import.meta.url': 'undefined' };
  },
  onSuccess: async () => {
    await writeFile(join(OUT_DIR, 'styles.css'), await inlineCssImports('src/theme/styles.css'));
    await hoistUseClientInCjs();
  },
});

/**
 * With splitting, tsup converts CJS output with sucrase, which writes `Object.defineProperty(exports, ...)` before
 * `"use client"`, so that string is no longer a directive. Move it to the start of the same line (line numbers,
 * and so source maps, stay as they are).
 */
async function hoistUseClientInCjs(): Promise<void> {
  const files = (await readdir(OUT_DIR, { recursive: true })).filter((file) => file.endsWith('.cjs'));
  for (const file of files) {
    const path = join(OUT_DIR, file);
    const code = await readFile(path, 'utf8');
    const hoisted = code.replace(/^("use strict";[^\n]*?)"use client";/, '"use client";$1');
    if (hoisted !== code) await writeFile(path, hoisted);
  }
}

/** The published stylesheet is one file: inline the theme's relative `@import`s (one level, as the theme uses). */
async function inlineCssImports(path: string): Promise<string> {
  const css = await readFile(path, 'utf8');
  const parts: string[] = [];
  for (const line of css.split('\n')) {
    const match = /^@import\s+['"](\.[^'"]+)['"];\s*$/.exec(line);
    parts.push(match ? await readFile(join(dirname(path), match[1] as string), 'utf8') : line);
  }
  return parts.join('\n');
}
