import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import { FINGERPRINT_PREFIX, GENERATED_HEADER, fingerprintOf, type ClaimTypesModel } from './model.js';

/**
 * ts-morph, loaded when a file is generated: `check` imports this package, and must not pay for
 * the TypeScript compiler unless it has TypeScript to read.
 */
const loadTsMorph = () => createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

/** Text inside a JSDoc comment: `*\/` would end it early. */
const inDoc = (text: string) => text.replace(/\*\//g, '*\\/').replace(/\r\n|\r|\n/g, ' ');

/** A union of string literals, one a line: a diff of the generated file then shows the ids added or removed. */
const union = (values: readonly string[]) => (values.length ? values.map((v) => `\n  | ${JSON.stringify(v)}`).join('') : 'never');

/**
 * The text of claims.generated.ts, built with ts-morph and formatted by the TypeScript formatter:
 * `ClaimId` and `SourceId` (unions of string literals), a typed `claims` constant with a JSDoc
 * comment per claim (its text, verdict and sources, shown on hover), and `claim(id)`. The same
 * model always gives the same bytes.
 */
export function generateClaimTypes(model: ClaimTypesModel): string {
  const { IndentationText, Project, QuoteKind, StructureKind, VariableDeclarationKind } = loadTsMorph();
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single } });
  const file = project.createSourceFile('claims.generated.ts', '', { overwrite: true });
  file.addStatements([GENERATED_HEADER, `// from ${model.claimsFile}: run \`factcheck types\` after changing its claims or sources.`, `${FINGERPRINT_PREFIX}${fingerprintOf(model)}`]);
  file.addTypeAlias({ name: 'ClaimId', isExported: true, type: union(model.claims.map((c) => c.id)), docs: [`The id of a claim in ${model.claimsFile}.`] });
  file.addTypeAlias({ name: 'SourceId', isExported: true, type: union(model.sources), docs: [`The id of a source in ${model.claimsFile}.`] });
  file.addTypeAlias({ name: 'Verdict', isExported: true, type: union(['supported', 'refuted', 'disputed', 'unverified']), docs: ["The fact-checker's verdict on a claim."] });
  file.addInterface({
    name: 'ClaimInfo',
    isExported: true,
    docs: [`A claim of ${model.claimsFile}: its id, text, verdict and the sources its evidence cites.`],
    properties: [
      { name: 'id', type: 'ClaimId', isReadonly: true },
      { name: 'claim', type: 'string', isReadonly: true },
      { name: 'verdict', type: 'Verdict', isReadonly: true },
      { name: 'sources', type: 'readonly SourceId[]', isReadonly: true },
    ],
  });
  const entries: TsMorph.WriterFunction = (writer) => {
    writer.write('{').newLine();
    writer.indent(() => {
      for (const c of model.claims) {
        writer.writeLine('/**');
        writer.writeLine(` * ${inDoc(c.claim)}`);
        writer.writeLine(' *');
        writer.writeLine(` * Verdict: ${c.verdict}. Sources: ${c.sources.map(inDoc).join(', ') || 'none'}.`);
        writer.writeLine(' */');
        const value = `{ id: ${JSON.stringify(c.id)}, claim: ${JSON.stringify(c.claim)}, verdict: ${JSON.stringify(c.verdict)}, sources: [${c.sources.map((s) => JSON.stringify(s)).join(', ')}] }`;
        writer.writeLine(`${JSON.stringify(c.id)}: ${value},`);
      }
    });
    writer.write('} as const satisfies Readonly<Record<ClaimId, ClaimInfo>>');
  };
  file.addVariableStatement({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`Every claim of ${model.claimsFile}, by id.`],
    declarations: [{ name: 'claims', initializer: entries }],
  });
  file.addFunction({
    name: 'claim',
    isExported: true,
    docs: ['The claim with this id: an id that is not in claims.yaml does not compile, and `factcheck check` reports it.'],
    parameters: [{ name: 'id', type: 'ClaimId' }],
    returnType: 'ClaimInfo',
    statements: ['return claims[id];'],
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  return file.getFullText();
}
