import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, within } from 'storybook/test';
import { createDemoDataset, DEMO_DEFAULT_NOW } from '../src/adapters/demo/create-demo-dataset';
import { createMemoryProvider } from '../src/adapters/memory/create-memory-provider';
import type { DataProvider } from '../src/core/contract';
import { createUserscopeQueryClient } from '../src/hooks/query-client';
import { UserscopeProvider } from '../src/hooks/userscope-provider';
import { de } from '../src/locales/de';
import { es } from '../src/locales/es';
import { fr } from '../src/locales/fr';
import { ja } from '../src/locales/ja';
import { ptBR } from '../src/locales/pt-BR';
import { zhCN } from '../src/locales/zh-CN';
import { MessagesProvider } from '../src/pages/messages/MessagesProvider';
import type { UserscopeMessages } from '../src/pages/messages/messages';
import { UsersPage } from '../src/pages/UsersPage/UsersPage';

const NOW = Date.parse(DEMO_DEFAULT_NOW);

let demo: DataProvider | undefined;
/** One memory provider over the demo dataset's last 14 days (the page shows the last 7), shared by the stories. */
function demoProvider(): DataProvider {
  demo ??= createMemoryProvider({ ...createDemoDataset({ days: 14 }), validate: false, latencyMs: 80 });
  return demo;
}

/** Props of {@link Localized}. */
interface LocalizedProps {
  /** BCP 47 locale for numbers and dates. */
  locale: string;
  /** The translation (`userscope/locales/<tag>`). */
  messages: UserscopeMessages;
}

/** The Users page on the demo provider in one language: `locale` for numbers and dates, `messages` for the words. */
function Localized({ locale, messages }: LocalizedProps) {
  const [queryClient] = useState(createUserscopeQueryClient);
  return (
    <UserscopeProvider provider={demoProvider()} queryClient={queryClient} locale={locale}>
      <MessagesProvider messages={messages}>
        <UsersPage now={NOW} getUserHref={(user) => `#/users/${encodeURIComponent(user.id)}`} tableMaxHeight={520} />
      </MessagesProvider>
    </UserscopeProvider>
  );
}

const wide: Decorator = (Story) => (
  <div style={{ maxWidth: '80rem' }}>
    <Story />
  </div>
);

const meta = {
  title: 'Users/Locales',
  component: Localized,
  decorators: [wide],
  parameters: {
    docs: {
      description: {
        component:
          'The shipped translations: `import { de } from "userscope/locales/de"`, then `<MessagesProvider messages={de}>` ' +
          'inside `<UserscopeProvider locale="de-DE">`.',
      },
    },
  },
} satisfies Meta<typeof Localized>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Checks that the page shows the translation's heading, search label and table caption. */
function playIn(messages: UserscopeMessages): Story['play'] {
  return async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: messages.users.title, level: 2 })).toBeVisible();
    await expect(canvas.getByRole('searchbox', { name: messages.users.searchLabel })).toBeVisible();
    await canvas.findByRole('grid', { name: messages.usersTable.caption }, { timeout: 10_000 });
  };
}

/** German (`de`, numbers and dates `de-DE`). */
export const German: Story = { args: { locale: 'de-DE', messages: de }, play: playIn(de) };

/** French (`fr`, numbers and dates `fr-FR`). */
export const French: Story = { args: { locale: 'fr-FR', messages: fr }, play: playIn(fr) };

/** Spanish (`es`, numbers and dates `es-ES`). */
export const Spanish: Story = { args: { locale: 'es-ES', messages: es }, play: playIn(es) };

/** Japanese (`ja`, numbers and dates `ja-JP`). */
export const Japanese: Story = { args: { locale: 'ja-JP', messages: ja }, play: playIn(ja) };

/** Brazilian Portuguese (`pt-BR`). */
export const PortugueseBrazil: Story = { args: { locale: 'pt-BR', messages: ptBR }, play: playIn(ptBR) };

/** Simplified Chinese (`zh-CN`). */
export const ChineseSimplified: Story = { args: { locale: 'zh-CN', messages: zhCN }, play: playIn(zhCN) };
