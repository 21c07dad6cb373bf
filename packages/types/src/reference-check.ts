// The reference check proper, loaded only when some TypeScript imports the generated module:
// ts-morph (and the TypeScript compiler in it) costs nothing otherwise.
import { Node, Project, ts, type CallExpression, type NewExpression, type SourceFile } from 'ts-morph';
import { createMessage, displayPathOf, type Message } from '@factcheck/core';
import { nearestId, type Importer } from './references.js';

/** A parameter's declared type names ClaimId (ClaimId itself, ClaimId[], an alias's qualified name…). */
const NAMES_CLAIM_ID = /\bClaimId\b/;

/**
 * Every string literal passed to `claim()` or to a parameter typed `ClaimId`, in the importing
 * files, that is not a claim id of claims.yaml: one error each, at file.ts:line:col, with the
 * nearest existing id. The project reads the importers and the generated modules only: no
 * tsconfig, no dependency resolution ahead of time.
 */
export function referenceMessages(importers: readonly Importer[], generated: readonly string[], ids: readonly string[], options: { cwd: string; claimsShown: string }): Message[] {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, types: [], skipLibCheck: true },
  });
  for (const file of generated) project.addSourceFileAtPathIfExists(file);
  const known = new Set(ids);
  const messages: Message[] = [];
  for (const importer of importers) {
    const source = project.addSourceFileAtPath(importer.file);
    for (const literal of claimIdLiterals(source)) {
      const id = literal.getLiteralValue();
      if (known.has(id)) continue;
      const { line, column } = source.getLineAndColumnAtPos(literal.getStart());
      const shown = displayPathOf(importer.file, options.cwd);
      const nearest = nearestId(id, ids);
      messages.push(
        createMessage({
          ruleId: 'unknown-claim-reference',
          reason: `unknown claim id ${JSON.stringify(id)}: ${options.claimsShown} has no such claim${nearest ? `; the nearest is "${nearest}"` : ''}`,
          file: shown,
          place: { start: { line, column, offset: literal.getStart() }, end: { ...source.getLineAndColumnAtPos(literal.getEnd()), offset: literal.getEnd() } },
          actual: id,
          ...(nearest ? { expected: nearest } : {}),
          note: nearest ? `Did you mean "${nearest}"? Use an id of ${options.claimsShown}, and run \`factcheck types\` after changing its claims.` : `${options.claimsShown} has no claims: add one, then run \`factcheck types\`.`,
        }),
      );
    }
  }
  return messages;
}

type IdLiteral = Node & { getLiteralValue(): string };

/** The string literals of `file` that stand for a claim id: arguments of claim(), or of a parameter typed ClaimId. */
function claimIdLiterals(file: SourceFile): IdLiteral[] {
  const literals: IdLiteral[] = [];
  file.forEachDescendant((node) => {
    if (!Node.isCallExpression(node) && !Node.isNewExpression(node)) return;
    const args = node.getArguments();
    args.forEach((arg, index) => {
      if ((Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg)) && takesClaimId(node, index)) literals.push(arg);
    });
  });
  return literals;
}

function takesClaimId(call: CallExpression | NewExpression, index: number): boolean {
  const callee = call.getExpression();
  if (Node.isCallExpression(call) && Node.isIdentifier(callee) && callee.getText() === 'claim' && index === 0) return true;
  const signature = call.getProject().getTypeChecker().compilerObject.getResolvedSignature(call.compilerNode as ts.CallExpression);
  const parameters = signature?.getParameters() ?? [];
  const parameter = parameters[Math.min(index, parameters.length - 1)];
  const declaration = parameter?.valueDeclaration;
  if (!declaration || !ts.isParameter(declaration) || !declaration.type) return false;
  if (index >= parameters.length && !declaration.dotDotDotToken) return false;
  return NAMES_CLAIM_ID.test(declaration.type.getText());
}
