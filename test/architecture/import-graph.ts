/**
 * The import graph of a source tree, read with the TypeScript parser (no type checking, so it takes well under a
 * second): every static import and re-export, `import type`, dynamic `import()`, `import('…').T` type queries and
 * `require()`, each with its line, whether it is type-only, and the file a relative specifier resolves to.
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One import of one file. */
export interface ImportEdge {
  /** The importing file, relative to the repository root with `/` separators, e.g. `src/core/index.ts`. */
  from: string;
  /** 1-based line of the import statement. */
  line: number;
  /** The module specifier as written, e.g. `../core/model` or `react`. */
  specifier: string;
  /** Whether the specifier is relative (`./x`, `../x`) rather than a package. */
  relative: boolean;
  /**
   * For a relative specifier, the file it resolves to (repository-relative), or `null` when no file matches; for a
   * package specifier, `null`.
   */
  target: string | null;
  /** True for imports erased at runtime: `import type`, `export type`, only `type` names, `import('…').T`. */
  typeOnly: boolean;
}

/** Files (repository-relative) mapped to their imports, in file order. */
export type ImportGraph = Map<string, ImportEdge[]>;

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

/** Whether a specifier is relative (`./x`, `../x`). */
function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** Every TypeScript source file under `dir` (absolute), recursively, sorted. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

/** The file a relative specifier names, trying TypeScript's extensions and `index` files (`.js` written for `.ts`). */
function resolveRelative(root: string, fromAbs: string, specifier: string): string | null {
  const base = resolve(dirname(fromAbs), specifier);
  const stems = /\.(c|m)?js$/.test(base) ? [base, base.replace(/\.(c|m)?js$/, '')] : [base];
  for (const stem of stems) {
    for (const suffix of RESOLVE_SUFFIXES) {
      const candidate = stem + suffix;
      if (existsSync(candidate) && statSync(candidate).isFile()) return toRepoPath(root, candidate);
    }
  }
  return null;
}

function toRepoPath(root: string, abs: string): string {
  return relative(root, abs).split('\\').join('/');
}

/** Whether an import or export declaration is erased at runtime. */
function declarationIsTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false; // side-effect import
    if (clause.isTypeOnly) return true;
    const bindings = clause.namedBindings;
    return (
      !clause.name &&
      bindings !== undefined &&
      ts.isNamedImports(bindings) &&
      bindings.elements.length > 0 &&
      bindings.elements.every((e) => e.isTypeOnly)
    );
  }
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The specifiers one parsed file imports, with line and type-only flag. */
function importsOf(file: ts.SourceFile): { specifier: string; line: number; typeOnly: boolean }[] {
  const found: { specifier: string; line: number; typeOnly: boolean }[] = [];
  const add = (literal: ts.Node, typeOnly: boolean, at: ts.Node) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = file.getLineAndCharacterOfPosition(at.getStart(file)).line + 1;
    found.push({ specifier: literal.text, line, typeOnly });
  };
  for (const node of file.statements) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      add(node.moduleSpecifier, declarationIsTypeOnly(node), node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, node);
    }
  }
  // Imports inside expressions and types: walk the whole tree only when the text can contain one (fast path).
  if (!/\b(import|require)\s*\(/.test(file.text)) return found;
  const visit = (node: ts.Node): void => {
    if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(arg.literal, true, node);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0], false, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Reads the import graph of every TypeScript file under the given directories (repository-relative).
 * @param root absolute path of the repository root
 * @param dirs directories to scan, e.g. `['src']`
 */
export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const dir of dirs) {
    for (const abs of sourceFiles(join(root, dir))) {
      const from = toRepoPath(root, abs);
      const kind = abs.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const parsed = ts.createSourceFile(abs, readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, false, kind);
      graph.set(
        from,
        importsOf(parsed).map(({ specifier, line, typeOnly }) => {
          const relative = isRelative(specifier);
          return { from, line, specifier, relative, target: relative ? resolveRelative(root, abs, specifier) : null, typeOnly };
        }),
      );
    }
  }
  return graph;
}
