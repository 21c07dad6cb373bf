// The workspace, built from what the walk read: the declarations keyed by id, with their places,
// and the defaults of what the file leaves out. It is built from a document with errors too, as
// far as it goes, so that one run reports the problems between its parts as well.
import * as path from 'node:path';
import type { Draft, DraftEntry } from '../format/infer.js';
import type { CLAIMS_SPEC, ENTITY_SPEC, PROPERTY_SPEC, SOURCE_SPEC, THRESHOLDS_SPEC } from '../format/spec.js';
import { CONTRADICTION_KINDS, DEFAULT_ANCHOR_OPTIONS, type AnchorOptions, type ContradictionKind, type CoverageThresholds, type EntityDecl, type Message, type PropertyDecl, type SourceDecl, type VerdictPolicy, type Workspace } from '../types.js';
import { buildClaims, present } from './build-claims.js';

export interface BuildContext {
  /** claims.yaml as shown in messages. */
  file: string;
  /** Absolute path of claims.yaml. */
  claimsPath: string;
  errors: Message[];
  warnings: Message[];
  /**
   * An included file: the references that may cross files (the source a quote cites, the claim
   * a conflict names) are checked once every file is read (see include.ts), not here.
   */
  included?: boolean;
}

export function buildWorkspace(doc: Draft<typeof CLAIMS_SPEC>, ctx: BuildContext): Workspace {
  const workspace: Workspace = {
    version: 1,
    claimsPath: ctx.claimsPath,
    root: path.dirname(ctx.claimsPath),
    displayPath: ctx.file,
    sources: buildSources(doc.sources ?? [], ctx.file),
    claims: [],
    properties: buildProperties(doc.properties ?? []),
    entities: buildEntities(doc.entities ?? []),
    coverage: thresholdsOf(doc.coverage),
    anchor: anchorOptionsOf(doc.anchor),
    contradictionKinds: contradictionKindsOf(doc.contradictions),
  };
  const verdicts = verdictPolicyOf(doc.verdicts);
  if (verdicts) workspace.verdicts = verdicts;
  // Sources declared with errors of their own are left out of the workspace; evidence that
  // cites them is not "unknown" as well (that would report one mistake twice).
  const declared = doc.sources ? new Set(doc.sources.map((entry) => entry.key)) : undefined;
  workspace.claims = buildClaims(doc.claims ?? [], workspace, declared, ctx);
  return workspace;
}

function anchorOptionsOf(anchor: Draft<typeof CLAIMS_SPEC>['anchor']): AnchorOptions {
  return {
    minScore: anchor?.['min-score'] ?? DEFAULT_ANCHOR_OPTIONS.minScore,
    margin: anchor?.margin ?? DEFAULT_ANCHOR_OPTIONS.margin,
    ignoreCase: anchor?.['ignore-case'] ?? DEFAULT_ANCHOR_OPTIONS.ignoreCase,
    moved: anchor?.moved ?? 'warning',
  };
}

/** Every contradiction kind that `contradictions:` does not set to false. */
function contradictionKindsOf(draft: Draft<typeof CLAIMS_SPEC>['contradictions']): ContradictionKind[] {
  return CONTRADICTION_KINDS.filter((kind) => draft?.[kind] !== false);
}

/** The `verdicts:` policy, or undefined when it asks for nothing. */
function verdictPolicyOf(draft: Draft<typeof CLAIMS_SPEC>['verdicts']): VerdictPolicy | undefined {
  const supported = draft?.supported;
  if (supported?.['min-sources'] === undefined && supported?.['min-publishers'] === undefined) return undefined;
  const policy: VerdictPolicy = { supported: {} };
  if (supported['min-sources'] !== undefined) policy.supported.minSources = supported['min-sources'];
  if (supported['min-publishers'] !== undefined) policy.supported.minPublishers = supported['min-publishers'];
  return policy;
}

/** Only the thresholds given: an absent one is no threshold, not a zero. */
function thresholdsOf(draft: Draft<typeof THRESHOLDS_SPEC> | undefined): CoverageThresholds {
  const out: CoverageThresholds = {};
  if (draft?.sentences !== undefined) out.sentences = draft.sentences;
  if (draft?.characters !== undefined) out.characters = draft.characters;
  return out;
}

/** A source is in the workspace when its path could be read: its file is then read too. */
function buildSources(entries: readonly DraftEntry<typeof SOURCE_SPEC>[], file: string): Map<string, SourceDecl> {
  const sources = new Map<string, SourceDecl>();
  for (const { key: id, keyPlace, value: s } of entries) {
    if (s?.path === undefined) continue;
    const decl: SourceDecl = { id, file, path: s.path, exclude: present(s.exclude ?? []), place: keyPlace, pathPlace: s.$at.path ?? s.$place };
    if (s.title !== undefined) decl.title = s.title;
    if (s.publisher !== undefined) decl.publisher = s.publisher;
    if (s.url !== undefined) decl.url = s.url;
    if (s.published !== undefined) decl.published = s.published.text;
    if (s.sha256 !== undefined) {
      decl.sha256 = s.sha256;
      decl.sha256Place = s.$at.sha256 ?? s.$place;
    }
    if (s.coverage !== undefined) decl.coverage = thresholdsOf(s.coverage);
    sources.set(id, decl);
  }
  return sources;
}

function buildProperties(entries: readonly DraftEntry<typeof PROPERTY_SPEC>[]): Map<string, PropertyDecl> {
  const properties = new Map<string, PropertyDecl>();
  for (const { key: id, keyPlace, value: p } of entries) {
    const decl: PropertyDecl = { id, singleValued: p?.['single-valued'] === true, place: keyPlace };
    if (p?.description !== undefined) decl.description = p.description;
    properties.set(id, decl);
  }
  return properties;
}

function buildEntities(entries: readonly DraftEntry<typeof ENTITY_SPEC>[]): Map<string, EntityDecl> {
  const entities = new Map<string, EntityDecl>();
  for (const { key: id, keyPlace, value: e } of entries) {
    const decl: EntityDecl = { id, aliases: present(e?.aliases ?? []), place: keyPlace };
    if (e?.name !== undefined) decl.name = e.name;
    entities.set(id, decl);
  }
  return entities;
}
