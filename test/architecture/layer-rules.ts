/**
 * The architecture rules of docs/architecture.md as checks over an {@link ImportGraph}. Each check returns one
 * message per offending import, naming the file, the line, the specifier and the rule; an empty list means the rule
 * holds. Type-only imports count like any other: a type from a higher layer is still a dependency on it, and a cycle
 * closed by a type-only import still ties its modules together (the users-aggregate ⇄ users-attention cycle was one).
 * @module
 */
import type { ImportEdge, ImportGraph } from './import-graph';

/** The folders of `src/`, each a layer. */
export type Layer = 'core' | 'adapters' | 'hooks' | 'components' | 'pages' | 'locales' | 'testing' | 'theme';

/**
 * The layers each layer may import besides itself. The main chain is core → adapters → hooks → components → pages;
 * `testing` (test provider, contract suite, MSW handlers for hosts' tests) sits beside hooks: it builds on core and
 * adapters and nothing imports it; `theme` is the stylesheet hosts import as `userscope/styles.css`: no module
 * imports it and it imports nothing.
 */
export const LAYER_DEPENDENCIES: Readonly<Record<Layer, readonly Layer[]>> = {
  core: [],
  adapters: ['core'],
  hooks: ['core', 'adapters'],
  components: ['core', 'adapters', 'hooks'],
  pages: ['core', 'adapters', 'hooks', 'components'],
  // The translations (`userscope/locales/*`): data typed by the pages' UserscopeMessages; nothing imports them.
  locales: ['pages'],
  testing: ['core', 'adapters'],
  theme: [],
};

/** Files directly in `src/` and their layer: the root entry exports components and pages. */
const ROOT_FILES: Readonly<Record<string, Layer>> = { 'src/index.ts': 'pages' };

/** Layers that run anywhere (browser, Node, workers): no React, no DOM-only library. */
const UI_FREE_LAYERS: readonly Layer[] = ['core', 'adapters', 'locales'];

/** React, react-dom and libraries that need React or the DOM. */
const UI_PACKAGES: readonly RegExp[] = [
  /^react(-dom)?(\/|$)/,
  /^react-/,
  /^@tanstack\/react-/,
  /^@visx\//,
  /^@radix-ui\//,
  /^@testing-library\//,
];

/** Test tooling, allowed only in `src/testing`. */
const TEST_PACKAGES: readonly RegExp[] = [/^vitest(\/|$)/, /^msw(\/|$)/, /^fast-check$/, /^@testing-library\//, /^jsdom$/];

/** The library entries the server may import: core and the adapters (never React entries, never source paths). */
const SERVER_LIBRARY_ENTRY = /^userscope\/(core|adapters\/[a-z-]+)$/;

/** The layer of a repository-relative path under `src/`, or `null` when it lies outside every layer. */
export function layerOf(path: string): Layer | null {
  if (path in ROOT_FILES) return ROOT_FILES[path];
  const match = /^src\/([^/]+)\//.exec(path);
  if (!match) return null;
  return match[1] in LAYER_DEPENDENCIES ? (match[1] as Layer) : null;
}

function describeEdge(edge: ImportEdge): string {
  const kind = edge.typeOnly ? ' (type-only)' : '';
  const target = edge.target && edge.target !== edge.specifier ? ` → ${edge.target}` : '';
  return `${edge.from}:${edge.line} imports '${edge.specifier}'${kind}${target}`;
}

function edges(graph: ImportGraph, prefix: string): ImportEdge[] {
  return [...graph.entries()].filter(([file]) => file.startsWith(prefix)).flatMap(([, list]) => list);
}

/**
 * Imports in `src/` that go up or across the layers, relative imports that resolve to no file, files outside every
 * layer, and imports of `server/`.
 */
export function layerViolations(graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const file of graph.keys()) {
    if (file.startsWith('src/') && layerOf(file) === null) {
      out.push(`${file} lies outside every layer: put it in a layer folder or add it to layer-rules.ts`);
    }
  }
  for (const edge of edges(graph, 'src/')) {
    const from = layerOf(edge.from);
    if (from === null) continue;
    if (!edge.relative) {
      if (/^@userscope\/server(\/|$)/.test(edge.specifier)) out.push(`${describeEdge(edge)}: the library never imports the server`);
      continue;
    }
    if (edge.target === null) {
      out.push(`${describeEdge(edge)}: resolves to no file`);
      continue;
    }
    if (!edge.target.startsWith('src/')) {
      const what = edge.target.startsWith('server/') ? 'the library never imports the server' : 'imports outside src/';
      out.push(`${describeEdge(edge)}: ${what}`);
      continue;
    }
    const to = layerOf(edge.target);
    if (to === null || to === from || LAYER_DEPENDENCIES[from].includes(to)) continue;
    const allowed = LAYER_DEPENDENCIES[from].length ? LAYER_DEPENDENCIES[from].join(', ') : 'nothing else';
    out.push(`${describeEdge(edge)}: ${from} may not depend on ${to} (${from} may import ${allowed})`);
  }
  return out;
}

/**
 * Package imports in `src/` that break a rule: React or a DOM-only library in core or adapters, test tooling outside
 * `src/testing`, and the package importing itself by name (`userscope/…`), which would hide its layer.
 */
export function packageViolations(graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const edge of edges(graph, 'src/')) {
    if (edge.relative) continue;
    const layer = layerOf(edge.from);
    if (layer !== null && UI_FREE_LAYERS.includes(layer) && UI_PACKAGES.some((p) => p.test(edge.specifier))) {
      out.push(`${describeEdge(edge)}: ${layer} runs without React or a DOM`);
    }
    if (layer !== 'testing' && TEST_PACKAGES.some((p) => p.test(edge.specifier))) {
      out.push(`${describeEdge(edge)}: test tooling belongs in src/testing`);
    }
    if (/^userscope(\/|$)/.test(edge.specifier)) {
      out.push(`${describeEdge(edge)}: import the source by a relative path, so its layer is checked`);
    }
  }
  return out;
}

/**
 * Imports in `server/src` that break the one-way dependency: the server reaches the library only through
 * `userscope/core` and `userscope/adapters/*`, never its source files, never React.
 */
export function serverViolations(graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const edge of edges(graph, 'server/src/')) {
    if (edge.relative) {
      if (edge.target === null) out.push(`${describeEdge(edge)}: resolves to no file`);
      else if (!edge.target.startsWith('server/')) out.push(`${describeEdge(edge)}: use the library's public entries`);
    } else if (/^userscope(\/|$)/.test(edge.specifier) && !SERVER_LIBRARY_ENTRY.test(edge.specifier)) {
      out.push(`${describeEdge(edge)}: the server imports only userscope/core and userscope/adapters/*`);
    } else if (UI_PACKAGES.some((p) => p.test(edge.specifier))) {
      out.push(`${describeEdge(edge)}: the server runs without React or a DOM`);
    }
  }
  return out;
}

/** Strongly connected components of the file graph with more than one file, or one file importing itself. */
function cyclicComponents(next: ReadonlyMap<string, readonly ImportEdge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of next.get(v) ?? []) {
      if (w === null || !next.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (next.get(v) ?? []).some((e) => e.target === v);
    if (component.length > 1 || selfLoop) out.push(component.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) connect(v);
  return out;
}

/** A shortest cycle through `start` inside `component`, as the imports that close it. */
function shortestCycle(next: ReadonlyMap<string, readonly ImportEdge[]>, component: readonly string[], start: string): ImportEdge[] {
  const inside = new Set(component);
  const via = new Map<string, ImportEdge>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of next.get(queue[i]) ?? []) {
      const w = edge.target;
      if (w === null || !inside.has(w) || via.has(w)) continue;
      via.set(w, edge);
      if (w === start) {
        const path: ImportEdge[] = [];
        for (let e = edge; ; e = via.get(e.from)!) {
          path.unshift(e);
          if (e.from === start) return path;
        }
      }
      queue.push(w);
    }
  }
  return [];
}

/** Every import cycle among the files under `prefix`, one message per cycle, type-only imports included. */
export function importCycles(graph: ImportGraph, prefix: string): string[] {
  const scoped = new Map([...graph].filter(([file]) => file.startsWith(prefix)));
  return cyclicComponents(scoped).map((component) => {
    const path = shortestCycle(scoped, component, component[0]).map(describeEdge).join(', ');
    const others = component.length > 2 ? ` (files in the cycle: ${component.join(', ')})` : '';
    return `import cycle: ${path}${others}`;
  });
}
