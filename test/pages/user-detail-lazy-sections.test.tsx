/**
 * The detail page's sections below the fold load lazily: the built-in feedback, conversations and traces sections
 * come from their own modules (a chunk of their own in the build), and a host section may be a `React.lazy`
 * component; each section shows its loading state until its code arrives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configure, screen, waitFor } from '@testing-library/react';
import { act, lazy, type ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import type { UserDetailSectionRenderProps } from '../../src';
import { inSection, renderPage, section } from './user-detail-page-harness';

configure({ asyncUtilTimeout: 5000 });

const SRC = resolve(__dirname, '../../src');
const LAZY_MODULES = ['FeedbackSection', 'ConversationsSection', 'TracesSection'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UserDetailPage lazy sections', () => {
  it('imports the feedback, conversations and traces sections only dynamically, so they split from the page', () => {
    const staticImports = sourceFiles(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return LAZY_MODULES.filter((name) => new RegExp(`from '[./]*(pages/UserDetailPage/)?${name}'`).test(text)).map((name) => `${file}: ${name}`);
    });
    expect(staticImports).toEqual([]);
    const builtIns = readFileSync(join(SRC, 'pages/UserDetailPage/built-in-sections.tsx'), 'utf8');
    for (const name of LAZY_MODULES) expect(builtIns).toContain(`import('./${name}')`);
  });

  it('renders the built-in lazy sections once their code arrives', async () => {
    renderPage({ sections: ['conversations', 'traces'] });
    await waitFor(() => expect(section('traces').querySelector('[data-slot="trace-table"]')).not.toBeNull());
    expect(section('conversations').querySelector('[data-slot="conversation-list"]')).not.toBeNull();
  });

  it("shows a host's React.lazy section in the section's loading state until its code arrives", async () => {
    let load: (module: { default: ComponentType<UserDetailSectionRenderProps> }) => void = () => undefined;
    const Tools = lazy(() => new Promise<{ default: ComponentType<UserDetailSectionRenderProps> }>((resolve) => (load = resolve)));
    renderPage({ sections: ['header', { id: 'tools', title: 'Tool calls', render: (props) => <Tools {...props} /> }] });
    expect(inSection('tools').getByRole('status')).toHaveTextContent('Loading…');
    await act(async () => load({ default: ({ userId }) => <p>Tools of {userId}</p> }));
    expect(await screen.findByText('Tools of u-switch')).toBeTruthy();
    expect(inSection('tools').queryByText('Loading…')).toBeNull();
  });
});
