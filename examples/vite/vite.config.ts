import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** msw's service worker, taken from the installed msw so it always matches the library version. */
const WORKER_FILE = 'mockServiceWorker.js';

/** Serves the worker script at the site root in dev and writes it next to index.html in the build. */
function mswWorker(): Plugin {
  const source = (): string => readFileSync(createRequire(import.meta.url).resolve(`msw/${WORKER_FILE}`), 'utf8');
  return {
    name: 'msw-worker',
    configureServer(server) {
      server.middlewares.use(`/${WORKER_FILE}`, (_request, response) => {
        response.setHeader('content-type', 'text/javascript');
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: source() });
    },
  };
}

export default defineConfig({
  plugins: [react(), mswWorker()],
});
