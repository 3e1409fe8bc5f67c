// @vitest-environment node
/**
 * The architecture holds by test, not by care: the layer order of docs/architecture.md, React-free core and
 * adapters, no import cycle in src/ or server/src, and the server's one-way dependency on the library's public
 * entries. Each failure names the file, line and import.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readImportGraph } from './import-graph';
import { importCycles, layerViolations, packageViolations, serverViolations } from './layer-rules';

const root = fileURLToPath(new URL('../..', import.meta.url));
const graph = readImportGraph(root, ['src', 'server/src']);

describe('architecture of src/ and server/src', () => {
  it('reads the whole source tree', () => {
    expect(graph.has('src/index.ts')).toBe(true);
    expect(graph.has('src/core/index.ts')).toBe(true);
    expect([...graph.keys()].some((file) => file.startsWith('server/src/'))).toBe(true);
  });

  it('imports only down the layers (core → adapters → hooks → components → pages; testing on core and adapters)', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('keeps React and DOM-only libraries out of core and adapters, test tooling in src/testing', () => {
    expect(packageViolations(graph)).toEqual([]);
  });

  it('has no import cycle in src/, type-only imports included', () => {
    expect(importCycles(graph, 'src/')).toEqual([]);
  });

  it('has no import cycle in server/src', () => {
    expect(importCycles(graph, 'server/src/')).toEqual([]);
  });

  it('keeps the server on the library’s public core and adapter entries', () => {
    expect(serverViolations(graph)).toEqual([]);
  });
});
