import { Node, Project, ts } from 'ts-morph';

/** What a package exports from its entry file, each list sorted. */
export interface PublicApi {
  /** Names that exist at run time: functions, classes, constants, enums. */
  values: string[];
  /** Names that exist only for the type checker: interfaces and type aliases. */
  types: string[];
}

/**
 * Reads `entryFile` (a package's src/index.ts) with the TypeScript compiler and sorts every name
 * it exports into values and types. Object.keys on the module sees only the values; this also
 * pins the types, which users import just as much.
 */
export function publicApi(entryFile: string): PublicApi {
  // Only the entry and what it re-exports are read, not a whole tsconfig project.
  const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext } });
  const entry = project.addSourceFileAtPath(entryFile);
  const values: string[] = [];
  const types: string[] = [];
  for (const [name, declarations] of entry.getExportedDeclarations()) {
    (declarations.every(isTypeOnly) ? types : values).push(name);
  }
  return { values: values.sort(), types: types.sort() };
}

function isTypeOnly(node: Node): boolean {
  return Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node);
}
