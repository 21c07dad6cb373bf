// The text of claims.yaml to a workspace: one YAML document, its aliases checked, read against the
// spec in one walk (every problem at its line:col), then built into the workspace.
import { isMap, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { readNode } from '../format/read-node.js';
import { CLAIMS_SPEC } from '../format/spec.js';
import { MAX_ALIAS_EXPANSIONS, nodePlace, receivedValue, type WalkContext } from '../format/walk-context.js';
import { compareMessages, createMessage, lineStartsOf, placeAt, showValue } from '../messages.js';
import type { Message, Result, Workspace } from '../types.js';
import { buildWorkspace } from './build-workspace.js';
import { readYamlDocument } from './yaml-document.js';
import { aliasBombPlace, checkAliases, deepPlace, unreadable } from './yaml-problems.js';

export interface ParseOptions {
  /** The name shown in messages. */
  file: string;
  /** Absolute path of claims.yaml (sources resolve against its folder). */
  claimsPath: string;
}

/**
 * Parses and validates the text of claims.yaml (without reading sources). `value` holds the
 * workspace when the file is valid; every problem is returned in `errors`.
 */
export function parseClaimsText(text: string, options: ParseOptions): Result<{ workspace: Workspace }> {
  const { workspace, errors, warnings } = parseClaims(text, options);
  return { value: workspace && !errors.length ? { workspace } : undefined, errors, warnings };
}

/**
 * Parses as far as the text allows: `workspace` is built whenever the YAML itself could be read,
 * and `document` is the YAML document it was read from (editors edit it, without parsing again).
 */
export function parseClaims(text: string, options: ParseOptions): { workspace?: Workspace; document?: Document.Parsed; errors: Message[]; warnings: Message[] } {
  const { file } = options;
  const lineStarts = lineStartsOf(text);
  const yaml = readYamlDocument(text, file, lineStarts);
  if (!yaml.doc) return { errors: yaml.errors, warnings: [] };
  const { doc, warnings } = yaml;
  const errors: Message[] = [];
  const ctx: WalkContext = { doc, file, lineStarts, errors, aliasBudget: MAX_ALIAS_EXPANSIONS };
  const root = doc.contents as YamlNode | null;
  if (!isMap(root)) {
    errors.push(
      createMessage({
        ruleId: 'not-a-mapping',
        reason: `${file} must be a mapping with version, sources and claims at the top, got ${isSeq(root) ? 'a list' : `a single value (${showValue(receivedValue(root))})`}`,
        file,
        place: nodePlace(ctx, root),
        note: 'Start the file with `version: 1`, then `sources:` and `claims:` (see the README).',
      }),
    );
    return { errors, warnings };
  }
  const aliases = checkAliases(ctx);
  if (aliases.errors.length) return { errors: aliases.errors, warnings };
  const read = readNode(ctx, root, CLAIMS_SPEC, [], placeAt(lineStarts, 0));
  if (errors.some((e) => e.ruleId === 'yaml-alias-limit')) return { errors, warnings };
  const bomb = aliases.hasAliases ? aliasExpansionProblem(ctx, text) : undefined;
  if (bomb) return { errors: [...errors, bomb], warnings };
  if (!read.value) return { errors, warnings };
  const workspace = buildWorkspace(read.value, { file, claimsPath: options.claimsPath, errors, warnings });
  errors.sort(compareMessages);
  return { workspace, document: doc, errors, warnings };
}

/**
 * The walk expands the aliases of the keys the format has, within its budget; the YAML library,
 * asked for the whole document, would expand those under unknown keys too. A document that it
 * would refuse (an alias bomb, "billion laughs") is refused here as well, whichever key holds it.
 */
function aliasExpansionProblem(ctx: WalkContext, text: string): Message | undefined {
  try {
    ctx.doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    return undefined;
  } catch (error) {
    return unreadable(error, ctx.file, error instanceof RangeError ? deepPlace(text, ctx.lineStarts) : aliasBombPlace(ctx));
  }
}
