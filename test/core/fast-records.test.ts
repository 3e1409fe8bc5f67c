// Issue 19: the hand-written user and feedback checks accept only what their schemas accept, and parseDataset
// reports the same first issue as validating the lists with zod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isValidFeedback, isValidUser } from '../../src/core/schema/fast-records';
import { feedbackSchema, userSchema } from '../../src/core/schema/records';
import { parseDataset, validate } from '../../src/core/schema/validate';
import { outcome } from './provider-error-outcome';

const tricky: unknown[] = [
  undefined, null, '', 'x', '12', 12, 0, -0, -1, 0.5, 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, false, [], ['a'], {},
  { a: 1 }, { a: [1] }, { a: null }, { a: Number.NaN }, Object.create(null) as object, JSON.parse('{"__proto__":1}') as object,
  { constructor: 'x' }, { [Symbol('s')]: 1 }, new Date(0), 'user', 'reviewer', 'eval', 'bot', '2024-02-29T00:00:00Z',
  '2023-02-29T00:00:00Z', '2026-11-01T10:00:00.123456+05:30', '2026-11-01', 1_700_000_000_000,
];
const USER = { id: 'u1', displayName: 'Ann', email: 'a@x.test', metadata: { plan: 'pro', seats: 3, trial: false, note: null }, firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-02-01T00:00:00Z' };
const FEEDBACK = { id: 'f1', traceId: 't1', userId: 'u1', key: 'thumbs', value: true, score: 1, comment: 'ok', createdAt: '2025-03-03T10:05:00.000Z', source: 'user' };

/** Records built from `bases` with up to three keys replaced by tricky values, plus a few non-objects. */
function candidates(bases: object[], keys: string[]): fc.Arbitrary<unknown> {
  const patch = fc.dictionary(fc.constantFrom(...keys, 'extra'), fc.constantFrom(...tricky), { maxKeys: 3 });
  return fc.oneof(
    { weight: 9, arbitrary: fc.tuple(fc.constantFrom(...bases), patch).map(([base, p]) => ({ ...base, ...p })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'user', 3, [], [USER]) },
  );
}
const userCandidates = candidates([USER, { id: 'u2', metadata: {} }, {}], Object.keys(USER));
const metadataCandidates = fc.constantFrom(...tricky).map((metadata) => ({ id: 'u3', metadata }));
const feedbackCandidates = candidates([FEEDBACK, { ...FEEDBACK, score: null, source: undefined }, {}], Object.keys(FEEDBACK));


describe('fast user and feedback checks agree with their schemas', () => {
  it('a user is accepted only when userSchema accepts it', () => {
    fc.assert(
      fc.property(fc.oneof(userCandidates, metadataCandidates), (candidate) => {
        if (isValidUser(candidate)) expect(z.safeParse(userSchema, candidate).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a feedback record is accepted exactly when feedbackSchema accepts it', () => {
    fc.assert(
      fc.property(feedbackCandidates, (candidate) => {
        expect(isValidFeedback(candidate)).toBe(z.safeParse(feedbackSchema, candidate).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('plain users are accepted as they are, without a copy', () => {
    expect(isValidUser(USER)).toBe(true);
    expect(isValidUser({ id: 'u2', metadata: {} })).toBe(true);
    expect(parseDataset({ users: [USER], traces: [] }).users[0]).toBe(USER);
  });

  it('parseDataset reports the same first issue as zod over the user and feedback lists', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(userCandidates, metadataCandidates), { maxLength: 4 }), fc.array(feedbackCandidates, { maxLength: 4 }), (users, feedback) => {
        const viaZod = outcome(() => {
          validate(z.array(userSchema), users, 'users');
          validate(z.array(feedbackSchema), feedback, 'feedback');
        });
        const viaFast = outcome(() => parseDataset({ users, traces: [], feedback }));
        // when both lists pass, parseDataset may still refuse a reference (no traces here): not compared
        if ((viaZod as { field?: string }).field !== undefined) expect(viaFast).toEqual(viaZod);
      }),
      { numRuns: 1000 },
    );
  });
});
