/**
 * Type-level checks (run by `tsc -p .`, which includes test/): a translation missing a key, with a misspelled key
 * or with a string where a function is expected does not type-check as `UserscopeMessages`.
 */
import { expect, it } from 'vitest';
import { de } from '../../src/locales/de';
import type { UserscopeMessages } from '../../src/pages/messages/messages';

const { title: _title, ...usersWithoutTitle } = de.users;
const { users: _users, ...withoutUsers } = de;

// @ts-expect-error a label set without one of its keys
const missingKey: UserscopeMessages = { ...de, users: usersWithoutTitle };
// @ts-expect-error a whole label set missing
const missingSet: UserscopeMessages = withoutUsers;
// @ts-expect-error a misspelled key
const misspelled: UserscopeMessages = { ...de, users: { ...de.users, titel: 'Nutzer' } };
// @ts-expect-error a plain string where the label is a function of the count
const notAFunction: UserscopeMessages = { ...de, userHeader: { ...de.userHeader, showMore: 'Mehr anzeigen' } };
const complete: UserscopeMessages = { ...de, users: { ...de.users, title: 'Kunden' } };

it('a complete translation type-checks; the broken ones above are compile errors (see the @ts-expect-error lines)', () => {
  expect(complete.users.title).toBe('Kunden');
  expect([missingKey, missingSet, misspelled, notAFunction]).toHaveLength(4);
});
