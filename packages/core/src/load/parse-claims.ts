// The text of claims.yaml to a workspace: one YAML document, its aliases checked, read against the
// spec in one walk (every problem at its line:col), then built into the workspace.
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { readNode } from '../format/read-node.js';
import type { Draft } from '../format/infer.js';
import { CLAIMS_SPEC, INCLUDED_SPEC } from '../format/spec.js';
import { MAX_ALIAS_EXPANSIONS, nodePlace, receivedValue, type WalkContext } from '../format/walk-context.js';
import { compareMessages, createMessage, lineStartsOf, placeAt, showValue } from '../messages.js';
import type { Message, Place, Result, Workspace } from '../types.js';
import { buildWorkspace } from './build-workspace.js';
import { readYamlDocument } from './yaml-document.js';
import { aliasBombPlace, checkAliases, deepPlace, unreadable } from './yaml-problems.js';

export interface ParseOptions {
  /** The name shown in messages. */
  file: string;
  /** Absolute path of claims.yaml (sources resolve against its folder). */
  claimsPath: string;
  /**
   * The text is that of a file claims.yaml includes, not claims.yaml: it holds claims and sources
   * only, and the references that may cross files are left for the caller to check.
   */
  included?: boolean;
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
        reason: `${file} must be a mapping with ${options.included ? 'claims (and sources)' : 'version, sources and claims'} at the top, got ${isSeq(root) ? 'a list' : `a single value (${showValue(receivedValue(root))})`}`,
        file,
        place: nodePlace(ctx, root),
        note: options.included ? 'An included file holds `claims:`, and may hold `sources:` (see the README).' : 'Start the file with `version: 1`, then `sources:` and `claims:` (see the README).',
      }),
    );
    return { errors, warnings };
  }
  const aliases = checkAliases(ctx);
  if (aliases.errors.length) return { errors: aliases.errors, warnings };
  if (options.included) nestedInclude(ctx, root);
  const read = readNode(ctx, root, options.included ? INCLUDED_SPEC : CLAIMS_SPEC, [], placeAt(lineStarts, 0));
  if (errors.some((e) => e.ruleId === 'yaml-alias-limit')) return { errors, warnings };
  const bomb = aliases.hasAliases ? aliasExpansionProblem(ctx, text) : undefined;
  if (bomb) return { errors: [...errors, bomb], warnings };
  if (!read.value) return { errors, warnings };
  const draft = read.value as Draft<typeof CLAIMS_SPEC>;
  const workspace = buildWorkspace(draft, { file, claimsPath: options.claimsPath, errors, warnings, ...(options.included ? { included: true } : {}) });
  if (!options.included && draft.include) workspace.include = includePatterns(ctx, root, draft.include);
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

/**
 * An included file that includes files of its own: refused with its own message (rather than as
 * an unknown key), since only claims.yaml says which files make up the workspace.
 */
function nestedInclude(ctx: WalkContext, root: YAMLMap): void {
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'include');
  if (!pair) return;
  ctx.errors.push(
    createMessage({
      ruleId: 'include-nested',
      reason: `${ctx.file} is included by claims.yaml, and may not include files itself`,
      file: ctx.file,
      place: nodePlace(ctx, pair.key as YamlNode),
      note: 'List every file in the `include:` of claims.yaml instead (a glob such as claims/**/*.yaml takes the files of the folders below too), and remove this `include:`.',
    }),
  );
}

/** The patterns of `include:` that were read, each placed at its own item (the walk keeps the list's place only). */
function includePatterns(ctx: WalkContext, root: YAMLMap, read: readonly (string | undefined)[]): { pattern: string; place: Place }[] {
  const list = root.items.find((item) => isScalar(item.key) && item.key.value === 'include')?.value;
  const items = isSeq(list) ? list.items : [];
  const out: { pattern: string; place: Place }[] = [];
  read.forEach((pattern, i) => {
    if (pattern !== undefined) out.push({ pattern, place: nodePlace(ctx, items[i] as YamlNode | undefined, nodePlace(ctx, list as YamlNode | undefined)) });
  });
  return out;
}
