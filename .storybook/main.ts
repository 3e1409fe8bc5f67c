import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/react-vite';

/**
 * msw's service worker script, served at the root of the preview (dev) and copied there by `storybook build`, so the
 * REST stories can start `setupWorker`. Taken from the installed msw on every start, so it never drifts from the
 * msw version the stories run with (msw warns when the worker and the library differ).
 */
const MSW_WORKER_SCRIPT = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');

/** Storybook for userscope: stories live in the top-level `stories/` folder and run offline. */
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y'],
  staticDirs: [{ from: MSW_WORKER_SCRIPT, to: '/mockServiceWorker.js' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Infers Controls from component props.
  typescript: { reactDocgen: 'react-docgen' },
  // Required for `storybook dev` on Vite 8: without pre-bundling React, the iframe fails with
  // "'/node_modules/react/index.js' does not provide an export named 'default'".
  viteFinal: async (viteConfig) => {
    const include = [...(viteConfig.optimizeDeps?.include ?? []), 'react', 'react-dom', 'react/jsx-runtime'];
    viteConfig.optimizeDeps = { ...viteConfig.optimizeDeps, include };
    // Storybook's own preview bundle (with axe from addon-a11y) is over 1 MB; only warn past that.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 2000 };
    return viteConfig;
  },
};

export default config;
