import { describe, it } from 'vitest';
import { contractDataset, runProviderContractTests } from 'userscope/testing';
import { createSqlProvider, ingest } from '../src/index';
import { ENGINES } from './engines';

for (const engine of ENGINES) {
  runProviderContractTests(
    async () => {
      const db = await engine.open();
      const report = await ingest(db, contractDataset);
      if (report.skippedCount > 0) throw new Error(`contract dataset: ${JSON.stringify(report.skipped)}`);
      return createSqlProvider(db);
    },
    { describe, it, name: `createSqlProvider on ${engine.name}: DataProvider contract` },
  );
}
