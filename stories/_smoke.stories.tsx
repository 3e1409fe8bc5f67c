import type { Meta, StoryObj } from '@storybook/react-vite';

/** Placeholder so the browser smoke runner has a story; replaced by the demo-through-hooks story. */
function ThemedBox() {
  return (
    <div
      style={{
        padding: 'var(--us-space-4)',
        border: '1px solid var(--us-color-border)',
        borderRadius: 'var(--us-radius-md)',
        background: 'var(--us-color-surface)',
      }}
    >
      <h1 style={{ fontSize: 'var(--us-font-size-lg)', margin: 0 }}>userscope</h1>
      <p style={{ color: 'var(--us-color-text-muted)' }}>Theme smoke test: text, muted text and accent.</p>
      <a href="#top" style={{ color: 'var(--us-color-accent)' }}>
        An accent link
      </a>
    </div>
  );
}

const meta = {
  title: 'Internal/Smoke',
  component: ThemedBox,
} satisfies Meta<typeof ThemedBox>;

export default meta;

/** The theme tokens render readably. */
export const Themed: StoryObj<typeof meta> = {};
