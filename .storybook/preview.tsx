import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/theme/styles.css';

/** Wraps every story in a themed `.us-root`, as a host would, and paints the whole canvas with the theme. */
const withTheme: Decorator = (Story, context) => (
  <div className="us-root" data-theme={context.globals.theme} style={{ minHeight: '100vh', padding: 'var(--us-space-4)' }}>
    <Story />
  </div>
);

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'userscope colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    // The theme decorator paints the background; Storybook's own backgrounds would hide it.
    backgrounds: { disable: true },
    // Storybook opens on the first story: the introduction, which shows the Users page.
    options: { storySort: { order: ['Introduction', '*'] } },
  },
};

export default preview;
