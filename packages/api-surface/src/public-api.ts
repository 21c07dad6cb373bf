import { Node, Project, type SourceFile } from 'ts-morph';

/** What a package exports from its entry file, each list sorted. */
export interface PublicApi {
  /** Names that exist at run time: functions, classes, constants, enums. */
  values: string[];
  /** Names that exist only for the type checker: interfaces and type aliases. */
  types: string[];
}

/**
 * One project for every call: the files are parsed, never type-checked, so neither the standard
 * library's declarations nor any dependency is read.
 */
let shared: Project | undefined;
const project = () => (shared ??= new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, skipLoadingLibFiles: true, useInMemoryFileSystem: false }));

/**
 * Reads `entryFile` (a package's src/index.ts) and sorts every name it exports into values and
 * types. Object.keys on the module sees only the values; this also pins the types, which users
 * import just as much.
 *
 * It reads the syntax alone, which is exact under the packages' compiler settings
 * (`verbatimModuleSyntax` and `isolatedModules`): a re-exported type must be written
 * `export type { … }` or `export { type … }`, so every other re-exported name is a value. A name
 * declared in the entry itself is a type when all its declarations are interfaces or type aliases.
 */
export function publicApi(entryFile: string): PublicApi {
  const file = project().addSourceFileAtPath(entryFile);
  // Read afresh on every call: the file may have changed since an earlier one.
  file.refreshFromFileSystemSync();
  const kinds = new Map<string, boolean>();
  const add = (name: string, isType: boolean) => kinds.set(name, (kinds.get(name) ?? true) && isType);
  for (const declaration of file.getExportDeclarations()) {
    if (declaration.isNamespaceExport() || !declaration.hasNamedExports()) throw new Error(`${entryFile}: \`${declaration.getText()}\` exports names that are not listed; list each name instead`);
    for (const specifier of declaration.getNamedExports()) add((specifier.getAliasNode() ?? specifier.getNameNode()).getText(), declaration.isTypeOnly() || specifier.isTypeOnly());
  }
  for (const [name, isType] of localExports(file)) add(name, isType);
  const values = [...kinds].filter(([, isType]) => !isType).map(([name]) => name);
  const types = [...kinds].filter(([, isType]) => isType).map(([name]) => name);
  return { values: values.sort(), types: types.sort() };
}

/** The names the entry declares and exports itself, each with whether that declaration is a type only. */
function* localExports(file: SourceFile): Generator<[string, boolean]> {
  for (const statement of file.getStatements()) {
    if (!Node.isExportable(statement) || !statement.isExported()) continue;
    if (Node.isVariableStatement(statement)) {
      for (const declaration of statement.getDeclarations()) yield [declaration.getName(), false];
    } else if (Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement)) {
      yield [statement.getName(), true];
    } else if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isEnumDeclaration(statement)) {
      const name = statement.getName();
      if (name) yield [name, false];
    }
  }
}
