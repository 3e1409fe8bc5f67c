import type { StorybookConfig } from '@storybook/react-vite';

/** Storybook for userscope: stories live in the top-level `stories/` folder and run offline. */
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y'],
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
