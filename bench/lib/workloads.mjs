/**
 * The same synthetic rows as a host would hand them to a provider. `syntheticDataset` builds its ids with template
 * literals, so V8 keeps many of them as cons strings (≥ 13 characters: a rope, flattened — copied — on the first
 * read of a character), and rows share the string objects of their constants (`model`, `release`, a user's id). A
 * host's rows come from `JSON.parse` (fetch), a structured clone (postMessage, IndexedDB) or a database driver:
 * flat strings, one string object per field of each row.
 *
 * - `generated`: the rows as `syntheticDataset` returns them (cons strings, shared constants).
 * - `cloned`: a structured clone of them: flat strings, one per field, every key kept (`undefined` included).
 * - `json`: each record through `JSON.stringify` and `JSON.parse`, as `response.json()` gives them: flat strings,
 *   and absent keys instead of `undefined`, so records of one list have several shapes.
 */

/** The workload names, in the order the benches report them. */
export const WORKLOADS = ['cloned', 'json', 'generated'];

/** Records per structured clone: one clone of millions of records would hold a second copy of them all at once. */
const CHUNK = 100_000;

/** `records` copied by `copyChunk`, a chunk at a time. */
function copyRecords(records, copyChunk) {
  const out = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    for (const record of copyChunk(records.slice(i, i + CHUNK))) out.push(record);
  }
  return out;
}

const copiers = {
  generated: (records) => records,
  cloned: (records) => copyRecords(records, (chunk) => structuredClone(chunk)),
  json: (records) => copyRecords(records, (chunk) => chunk.map((record) => JSON.parse(JSON.stringify(record)))),
};

/**
 * The dataset `data` as workload `name` delivers it (see the module note). The copies share nothing with `data`, so
 * a caller that drops `data` afterwards measures a heap holding one dataset, as a host's does.
 * @param {{ users: object[]; traces: object[]; feedback: object[] }} data
 * @param {string} name one of {@link WORKLOADS}
 */
export function workloadRows(data, name) {
  const copy = copiers[name];
  if (!copy) throw new Error(`unknown workload ${JSON.stringify(name)} (expected one of ${WORKLOADS.join(', ')})`);
  return { users: copy(data.users), traces: copy(data.traces), feedback: copy(data.feedback) };
}
