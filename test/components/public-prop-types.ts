/**
 * Which types the public components' props use that a host cannot import by name: read with the TypeScript parser
 * (no type checking, well under a second) from the package entries and the props interfaces they export.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');
/** The entries a host imports types from. */
export const TYPE_ENTRIES = ['src/index.ts', 'src/hooks/index.ts', 'src/core/index.ts'];

const sources = new Map<string, ts.SourceFile>();

function sourceOf(file: string): ts.SourceFile {
  let source = sources.get(file);
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    sources.set(file, source);
  }
  return source;
}

/** The repository-relative file a relative specifier of `from` names. */
function resolveModule(from: string, specifier: string): string {
  const base = join(dirname(from), specifier);
  for (const suffix of ['.ts', '.tsx', '/index.ts']) {
    if (existsSync(join(ROOT, base + suffix))) return relative(ROOT, join(ROOT, base + suffix)).replace(/\\/g, '/');
  }
  throw new Error(`${from}: cannot resolve '${specifier}'`);
}

/** Every name `file` exports (named re-exports, `export *` followed, declarations). */
export function exportedNames(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(file)) return names;
  seen.add(file);
  for (const statement of sourceOf(file).statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) clause.elements.forEach((element) => names.add(element.name.text));
      else if (!clause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        exportedNames(resolveModule(file, statement.moduleSpecifier.text), seen).forEach((name) => names.add(name));
      }
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.isVariableStatement(statement)) {
        statement.declarationList.declarations.forEach((d) => ts.isIdentifier(d.name) && names.add(d.name.text));
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
        names.add((statement.name as ts.Identifier).text);
      }
    }
  }
  return names;
}

/** Where a name used in `file` comes from: this repository's source (`file` declares it or imports it relatively) or elsewhere. */
function originOf(file: string, name: string): { file: string; name: string } | null {
  const source = sourceOf(file);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const element = bindings.elements.find((e) => e.name.text === name);
      if (!element) continue;
      const specifier = statement.moduleSpecifier.text;
      // `import { ModelUsage as ModelUsageData }`: the host imports it by its own name.
      return specifier.startsWith('.') ? { file: resolveModule(file, specifier), name: element.propertyName?.text ?? name } : null;
    }
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === name) return { file, name };
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) {
      return { file, name };
    }
  }
  return null;
}

function interfaceIn(file: string, name: string): ts.InterfaceDeclaration | undefined {
  return sourceOf(file).statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
}

/** The names a type node refers to (type references, `typeof x` queries), type parameters left out. */
function referencedNames(node: ts.Node, typeParameters: ReadonlySet<string>, out: Set<string>): void {
  if (ts.isTypeReferenceNode(node)) {
    const name = ts.isIdentifier(node.typeName) ? node.typeName.text : leftmost(node.typeName);
    if (!typeParameters.has(name)) out.add(name);
  } else if (ts.isTypeQueryNode(node)) {
    out.add(ts.isIdentifier(node.exprName) ? node.exprName.text : leftmost(node.exprName));
  } else if (ts.isExpressionWithTypeArguments(node) && ts.isIdentifier(node.expression)) {
    out.add(node.expression.text);
  }
  node.forEachChild((child) => referencedNames(child, typeParameters, out));
}

function leftmost(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : leftmost(name.left);
}

/** `Props.prop: Type` for each own type a props interface (and the interfaces it extends) uses that no entry exports. */
export function unexportedPropTypes(): string[] {
  const exported = new Set(TYPE_ENTRIES.flatMap((entry) => [...exportedNames(entry)]));
  const problems = new Set<string>();
  const visit = (file: string, decl: ts.InterfaceDeclaration, owner: string) => {
    const typeParameters = new Set(decl.typeParameters?.map((p) => p.name.text) ?? []);
    for (const member of decl.members) {
      const names = new Set<string>();
      referencedNames(member, typeParameters, names);
      const prop = member.name && ts.isIdentifier(member.name) ? member.name.text : member.name?.getText() ?? '?';
      for (const name of names) {
        const origin = originOf(file, name);
        if (origin && !exported.has(origin.name)) problems.add(`${owner}.${prop}: ${origin.name}`);
      }
    }
    for (const clause of decl.heritageClauses ?? []) {
      for (const base of clause.types) {
        const baseName = ts.isIdentifier(base.expression) ? base.expression.text : '';
        const origin = originOf(file, baseName);
        const baseDecl = origin ? interfaceIn(origin.file, origin.name) : undefined;
        if (origin && baseDecl) visit(origin.file, baseDecl, owner);
        const args = new Set<string>();
        base.typeArguments?.forEach((arg) => referencedNames(arg, typeParameters, args));
        for (const name of args) {
          const origin = originOf(file, name);
          if (origin && !exported.has(origin.name)) problems.add(`${owner} extends ${baseName}<${origin.name}>`);
        }
      }
    }
  };
  for (const statement of sourceOf('src/index.ts').statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.exportClause;
    if (!clause || !ts.isNamedExports(clause)) continue;
    const file = resolveModule('src/index.ts', statement.moduleSpecifier.text);
    for (const element of clause.elements) {
      const name = element.name.text;
      const decl = name.endsWith('Props') ? interfaceIn(file, name) : undefined;
      if (decl) visit(file, decl, name);
    }
  }
  return [...problems].sort();
}
