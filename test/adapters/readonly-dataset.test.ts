/**
 * Read-only data goes into the dataset types as it is: `contractDataset` (read-only lists) and fully frozen lists
 * type-check as a `Dataset` and as the memory / worker providers' options without a cast, and the memory provider
 * builds over frozen lists without writing to them. `tsc -p .` checks the `expectTypeOf` lines.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createMemoryProvider, type MemoryProviderOptions } from '../../src/adapters/memory';
import type { WorkerProviderOptions } from '../../src/adapters/worker/create-worker-provider';
import type { Feedback, Trace, User } from '../../src/core/model';
import type { Dataset } from '../../src/core/schema/validate';
import { contractDataset, contractRanges, type ContractDataset } from '../../src/testing/contract/contract-dataset';

/** The contract dataset with every list and every record frozen. */
function frozenDataset(): ContractDataset {
  const freezeAll = <T extends object>(rows: readonly T[]): readonly T[] => Object.freeze(rows.map((row) => Object.freeze({ ...row })));
  return Object.freeze({
    users: freezeAll(contractDataset.users),
    traces: freezeAll(contractDataset.traces),
    feedback: freezeAll(contractDataset.feedback),
  });
}

describe('read-only datasets', () => {
  it('type-check as a Dataset and as the memory and worker providers’ options', () => {
    expectTypeOf<ContractDataset>().toExtend<Dataset>();
    expectTypeOf<ContractDataset>().toExtend<MemoryProviderOptions>();
    expectTypeOf<ContractDataset>().toExtend<WorkerProviderOptions>();
    expectTypeOf<Readonly<Dataset>>().toExtend<MemoryProviderOptions>();
    expectTypeOf<Dataset['users']>().toEqualTypeOf<readonly User[]>();
    expectTypeOf<Dataset['traces']>().toEqualTypeOf<readonly Trace[]>();
    expectTypeOf<Dataset['feedback']>().toEqualTypeOf<readonly Feedback[]>();
    // The call a host writes, with no cast.
    expectTypeOf(createMemoryProvider).toBeCallableWith({ ...contractDataset });
    expectTypeOf(createMemoryProvider).toBeCallableWith({ ...contractDataset, validate: false });
  });

  it('the memory provider builds over frozen lists and answers like over the plain ones', async () => {
    const frozen = createMemoryProvider({ ...frozenDataset() });
    const plain = createMemoryProvider({ ...contractDataset });
    const params = { range: contractRanges.main, sorting: [{ id: 'traceCount' as const, desc: true }], pagination: { pageIndex: 0, pageSize: 100 } };
    expect(await frozen.listUsers(params)).toEqual(await plain.listUsers(params));
    expect(await frozen.getUser({ userId: 'u-switch' })).toEqual(await plain.getUser({ userId: 'u-switch' }));
  });
});
