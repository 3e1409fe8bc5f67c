/** The shipped translations by BCP 47 tag, for the locale tests. */
import { de } from '../../src/locales/de';
import { es } from '../../src/locales/es';
import { fr } from '../../src/locales/fr';
import { ja } from '../../src/locales/ja';
import { ptBR } from '../../src/locales/pt-BR';
import { zhCN } from '../../src/locales/zh-CN';
import type { UserscopeMessages } from '../../src/pages/messages/messages';

/** Every shipped translation with the tag a host passes as `locale`. */
export const LOCALES: ReadonlyArray<readonly [tag: string, messages: UserscopeMessages]> = [
  ['de', de],
  ['fr', fr],
  ['es', es],
  ['ja', ja],
  ['pt-BR', ptBR],
  ['zh-CN', zhCN],
];
