#!/usr/bin/env node
// Builds the report's browser script: type-checks src/client with its own tsconfig (the DOM, strict)
// and writes the compiled src/client/report.ts to dist/client/report.js, as the statements of one
// classic script. The page builder (src/html/assets/client.ts) wraps them in a function that
// defines CONTROL_CHARS and writes the result as report.js.
//
// A classic script, because pages opened from file:// cannot load modules; so the client imports
// types only, and this script fails when anything else would be left to import or export.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const CONFIG = fileURLToPath(new URL('../src/client/tsconfig.json', import.meta.url));
const ENTRY = fileURLToPath(new URL('../src/client/report.ts', import.meta.url));
const OUT_DIR = new URL('../dist/client/', import.meta.url);
const OUT = new URL('report.js', OUT_DIR);

const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };

function fail(message) {
  console.error(`build-client: ${message}`);
  process.exit(1);
}

function compile() {
  const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.formatDiagnostic(d, formatHost)),
  });
  const options = { ...parsed.options, noEmit: false, declaration: false, declarationMap: false, sourceMap: false, removeComments: true };
  const program = ts.createProgram({ rootNames: parsed.fileNames, options });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  if (diagnostics.length) fail(`src/client does not type-check:\n${ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost)}`);
  const entry = program.getSourceFile(ENTRY);
  if (!entry) fail(`${ENTRY} is not in the program of ${CONFIG}`);
  let js;
  const emitted = program.emit(entry, (file, text) => {
    if (file.endsWith('.js')) js = text;
  });
  if (emitted.emitSkipped || js === undefined) fail('TypeScript wrote no JavaScript for src/client/report.ts');
  return js;
}

const isModuleSyntax = (statement) =>
  ts.isImportDeclaration(statement) ||
  ts.isImportEqualsDeclaration(statement) ||
  ts.isExportDeclaration(statement) ||
  ts.isExportAssignment(statement) ||
  (ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword));

/**
 * The compiled statements without the `export {};` TypeScript writes to keep a file with type-only
 * imports a module; any other import or export is an error.
 */
function asClassicScript(js) {
  const file = ts.createSourceFile('report.js', js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const marker = (s) => ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause) && s.exportClause.elements.length === 0;
  const kept = [];
  for (const statement of file.statements) {
    if (marker(statement)) continue;
    if (isModuleSyntax(statement)) fail(`src/client/report.ts may import types only, as report.js is one classic script; found: ${statement.getText(file).slice(0, 80)}`);
    kept.push(statement.getFullText(file));
  }
  return `${kept.join('').trim()}\n`;
}

const script = asClassicScript(compile());
await mkdir(OUT_DIR, { recursive: true });
await writeFile(OUT, script, 'utf8');
console.log(`build-client: wrote dist/client/report.js (${Buffer.byteLength(script)} bytes)`);
