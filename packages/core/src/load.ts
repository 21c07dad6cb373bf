import * as path from 'node:path';
import { isMap, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { parseDateInterval } from './dates.js';
import { compareMessages, createMessage, lineStartsOf, placeAt, positionAt, showValue, suggest } from './messages.js';
import { confinePath, formatBytes, readTextFile, type ReadProblem } from './read-source.js';
import { CLAIMS_SPEC } from './schema.js';
import { SourceText } from './text.js';
import {
  DEFAULT_ANCHOR_OPTIONS,
  type Claim,
  type ConflictAck,
  type CoverageThresholds,
  type EntityDecl,
  type Evidence,
  type Fact,
  type LoadedSource,
  type Message,
  type Place,
  type PropertyDecl,
  type Result,
  type SourceDecl,
  type Span,
  type TimeScope,
  type Verdict,
  type Workspace,
} from './types.js';
import { describePath, MAX_ALIAS_EXPANSIONS, nodePlace, receivedValue, validateNode, type NodePath, type ValidationContext } from './validate.js';
import { utf16SpanHint } from './span-hint.js';
import { aliasBombPlace, checkAliases, deepPlace, unreadable, yamlErrors, yamlReason } from './yaml-problems.js';

export interface LoadOptions {
  /** Directory that messages' file paths are relative to. Default: process.cwd(). */
  cwd?: string;
  /** Largest claims.yaml accepted, in bytes. Default 32 MiB. */
  maxClaimsBytes?: number;
  /** Read the sources too (and check spans against them). Default true. */
  readSources?: boolean;
}

export const MAX_CLAIMS_BYTES = 32 * 1024 * 1024;

export interface LoadedWorkspace {
  workspace: Workspace;
  sources: Map<string, LoadedSource>;
  /** The text of claims.yaml as read (for editors that rewrite it). */
  claimsText: string;
}

/** Turns a path into the form shown in messages: relative to cwd when inside it. */
export function displayPathOf(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/**
 * Reads, parses and validates claims.yaml and the sources it names. Never throws for bad input:
 * every problem comes back in `errors`, each at its file:line:col.
 */
export async function loadWorkspace(claimsPath: string, options: LoadOptions = {}): Promise<Result<LoadedWorkspace>> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, claimsPath);
  const shown = displayPathOf(absolute, cwd);
  const read = await readTextFile(absolute, shown, options.maxClaimsBytes ?? MAX_CLAIMS_BYTES);
  if ('problem' in read) return fail(claimsFileProblem(read.problem, shown));
  const parsed = parseClaims(read.text, { file: shown, claimsPath: absolute });
  const { workspace } = parsed;
  const errors = [...parsed.errors];
  if (!workspace || options.readSources === false) {
    return { value: workspace && !errors.length ? { workspace, sources: new Map(), claimsText: read.text } : undefined, errors, warnings: parsed.warnings };
  }
  // Sources are read even when claims.yaml has errors, so that one run reports every problem.
  const sources = await readSources(workspace, errors);
  checkSpans(workspace, sources, errors);
  errors.sort(compareMessages);
  return { value: errors.length ? undefined : { workspace, sources, claimsText: read.text }, errors, warnings: parsed.warnings };
}

function fail(message: Message): { value: undefined; errors: Message[]; warnings: Message[] } {
  return { value: undefined, errors: [message], warnings: [] };
}

/**
 * A problem with claims.yaml itself, with advice that fits claims.yaml (not a source). It is
 * placed at 1:1, or at the line:col of the offending byte when the problem has one.
 */
function claimsFileProblem(problem: ReadProblem, shown: string): Message {
  const notes: Record<string, string> = {
    'file-not-found': 'Create it (start with `version: 1`, `sources:` and `claims:`), or pass --claims PATH, relative to the current directory.',
    'not-a-file': 'Pass --claims with the path of the claims.yaml file itself, not of a folder.',
    'file-too-large': `claims.yaml is read whole into memory, so it may be at most ${formatBytes(MAX_CLAIMS_BYTES)}: check that this is the right file, and remove what does not belong in it.`,
  };
  return createMessage({
    ruleId: problem.ruleId,
    reason: problem.reason,
    file: shown,
    place: problem.at === undefined || !problem.bytes ? placeAt([0], 0) : bytePlace(problem.bytes, problem.at),
    note: notes[problem.ruleId] ?? problem.note,
  });
}

/** line:col of a byte offset, reading the (valid) UTF-8 before it. */
function bytePlace(bytes: Uint8Array, at: number): Place {
  const before = Buffer.from(bytes.subarray(0, at)).toString('utf8');
  const start = positionAt(lineStartsOf(before), before.length);
  return { start, end: start };
}

export interface ParseOptions {
  /** The name shown in messages. */
  file: string;
  /** Absolute path of claims.yaml (sources resolve against its folder). */
  claimsPath: string;
}

/**
 * Parses and validates the text of claims.yaml (without reading sources). `value` holds the
 * workspace when the file is structurally valid; semantic errors are returned alongside.
 */
export function parseClaimsText(text: string, options: ParseOptions): Result<{ workspace: Workspace }> {
  const { workspace, errors, warnings } = parseClaims(text, options);
  return { value: workspace && !errors.length ? { workspace } : undefined, errors, warnings };
}

/** A line break made of a lone carriage return, which the YAML reader does not take as one. */
const LONE_CR = /\r(?!\n)/;

/** Parses as far as the text allows: `workspace` is built whenever the YAML itself could be read. */
function parseClaims(text: string, options: ParseOptions): { workspace?: Workspace; errors: Message[]; warnings: Message[] } {
  const file = options.file;
  const lineStarts = lineStartsOf(text);
  const errors: Message[] = [];
  const warnings: Message[] = [];
  let docs: Document.Parsed[];
  try {
    // The core schema always (a `%YAML 1.1` directive would otherwise turn dates into timestamps
    // and `yes` into true); logLevel error keeps the library from printing warnings itself.
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, schema: 'core', logLevel: 'error' }) as Document.Parsed[];
  } catch (error) {
    return fail(unreadable(error, file, deepPlace(text, lineStarts)));
  }
  if (!Array.isArray(docs)) docs = [docs];
  if (docs.length === 0 || (docs.length === 1 && docs[0]!.contents === null && docs[0]!.errors.length === 0)) {
    return fail(
      createMessage({
        ruleId: 'empty-file',
        reason: `${file} has no content`,
        file,
        place: placeAt(lineStarts, 0),
        note: 'Start with `version: 1`, then `sources:` and `claims:` (see the README).',
      }),
    );
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    return fail(
      createMessage({
        ruleId: 'multiple-documents',
        reason: `${file} holds ${docs.length} YAML documents; factcheck reads exactly one`,
        file,
        place: placeAt(lineStarts, second.range[0]),
        note: 'Remove the `---` separators and merge the documents into one.',
      }),
    );
  }
  const doc = docs[0]!;
  if (doc.errors.length) {
    const loneCr = LONE_CR.exec(text);
    // Old Mac line endings make every line one long line: one clear message instead of many.
    if (loneCr) {
      return fail(
        createMessage({
          ruleId: 'line-endings',
          reason: `${file} ends a line with a lone carriage return (\\r), which YAML does not read as a line break`,
          file,
          place: placeAt(lineStarts, loneCr.index),
          note: 'Save the file with LF (or CRLF) line endings.',
        }),
      );
    }
    return { errors: yamlErrors(doc, text, file, lineStarts), warnings };
  }
  for (const warning of doc.warnings) {
    warnings.push(createMessage({ ruleId: 'yaml-warning', severity: 'warning', reason: yamlReason(warning.message), file, place: placeAt(lineStarts, warning.pos[0], warning.pos[1]) }));
  }
  const root = doc.contents as YamlNode | null;
  const ctx: ValidationContext = { doc, file, lineStarts, errors, aliasBudget: MAX_ALIAS_EXPANSIONS };
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
  const aliasErrors = checkAliases(ctx);
  if (aliasErrors.length) return { errors: aliasErrors, warnings };
  validateNode(ctx, root, CLAIMS_SPEC, [], placeAt(lineStarts, 0));
  if (errors.some((e) => e.ruleId === 'yaml-alias-limit')) return { errors, warnings };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    errors.push(unreadable(error, file, error instanceof RangeError ? deepPlace(text, lineStarts) : aliasBombPlace(ctx)));
    return { errors, warnings };
  }
  const builder = new WorkspaceBuilder(ctx, options.claimsPath, warnings);
  const workspace = builder.build(data as Record<string, unknown>);
  errors.sort(compareMessages);
  return { workspace, errors, warnings };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Builds the typed workspace from a validated document, adding the checks that span fields. */
class WorkspaceBuilder {
  constructor(
    private readonly ctx: ValidationContext,
    private readonly claimsPath: string,
    private readonly warnings: Message[],
  ) {}

  private place(p: NodePath): Place {
    return nodePlace(this.ctx, this.ctx.doc.getIn(p, true) as YamlNode | undefined);
  }

  private keyPlace(p: NodePath): Place {
    // The place of a map key, for entries whose value is a whole mapping.
    const parent = this.ctx.doc.getIn(p.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === p[p.length - 1]);
      if (pair) return nodePlace(this.ctx, pair.key as YamlNode);
    }
    return this.place(p);
  }

  private error(ruleId: string, reason: string, place: Place, extra: Partial<Message> = {}): void {
    this.ctx.errors.push(createMessage({ ruleId, reason, file: this.ctx.file, place, ...extra }));
  }

  build(data: Record<string, unknown>): Workspace {
    const anchor = obj(data.anchor) ?? {};
    const workspace: Workspace = {
      version: 1,
      claimsPath: this.claimsPath,
      root: path.dirname(this.claimsPath),
      displayPath: this.ctx.file,
      sources: this.buildSources(obj(data.sources) ?? {}),
      claims: [],
      properties: this.buildProperties(obj(data.properties) ?? {}),
      entities: this.buildEntities(obj(data.entities) ?? {}),
      coverage: thresholdsOf(data.coverage),
      anchor: {
        minScore: typeof anchor['min-score'] === 'number' ? anchor['min-score'] : DEFAULT_ANCHOR_OPTIONS.minScore,
        margin: typeof anchor.margin === 'number' ? anchor.margin : DEFAULT_ANCHOR_OPTIONS.margin,
        ignoreCase: typeof anchor['ignore-case'] === 'boolean' ? anchor['ignore-case'] : DEFAULT_ANCHOR_OPTIONS.ignoreCase,
      },
    };
    // Sources declared with errors of their own are left out of the workspace; evidence that
    // cites them is not "unknown" as well (that would report one mistake twice).
    const sources = obj(data.sources);
    const declared = sources ? new Set(Object.keys(sources)) : undefined;
    workspace.claims = this.buildClaims(arr(data.claims), workspace, declared);
    return workspace;
  }

  private buildSources(raw: Record<string, unknown>): Map<string, SourceDecl> {
    const sources = new Map<string, SourceDecl>();
    for (const [id, value] of Object.entries(raw)) {
      const s = obj(value);
      const sourcePath = str(s?.path);
      if (!s || !sourcePath) continue;
      const at: NodePath = ['sources', id];
      const exclude = arr(s.exclude).filter((e): e is string => typeof e === 'string');
      exclude.forEach((pattern, index) => {
        const problem = regexProblem(pattern);
        if (problem) this.error('invalid-pattern', `sources.${id}.exclude[${index}] ${problem}`, this.place([...at, 'exclude', index]), { actual: pattern, note: 'Fix the pattern (repeat a group or its content, not both), or write it without the surrounding slashes to match it literally.' });
      });
      const decl: SourceDecl = { id, path: sourcePath, exclude, place: this.keyPlace(at), pathPlace: this.place([...at, 'path']) };
      for (const key of ['title', 'publisher', 'url', 'sha256'] as const) {
        const v = str(s[key]);
        if (v !== undefined) decl[key] = v;
      }
      if (s.published !== undefined) decl.published = String(s.published);
      if (decl.sha256 !== undefined) decl.sha256Place = this.place([...at, 'sha256']);
      const thresholds = thresholdsOf(s.coverage);
      if (s.coverage !== undefined) decl.coverage = thresholds;
      sources.set(id, decl);
    }
    return sources;
  }

  private buildProperties(raw: Record<string, unknown>): Map<string, PropertyDecl> {
    const properties = new Map<string, PropertyDecl>();
    for (const [id, value] of Object.entries(raw)) {
      const p = obj(value) ?? {};
      const decl: PropertyDecl = { id, singleValued: p['single-valued'] === true, place: this.keyPlace(['properties', id]) };
      const description = str(p.description);
      if (description) decl.description = description;
      properties.set(id, decl);
    }
    return properties;
  }

  private buildEntities(raw: Record<string, unknown>): Map<string, EntityDecl> {
    const entities = new Map<string, EntityDecl>();
    for (const [id, value] of Object.entries(raw)) {
      const e = obj(value) ?? {};
      const decl: EntityDecl = { id, aliases: arr(e.aliases).filter((a): a is string => typeof a === 'string'), place: this.keyPlace(['entities', id]) };
      const name = str(e.name);
      if (name) decl.name = name;
      entities.set(id, decl);
    }
    return entities;
  }

  private buildClaims(raw: unknown[], workspace: Workspace, declared: ReadonlySet<string> | undefined): Claim[] {
    const claims: Claim[] = [];
    const firstById = new Map<string, Claim>();
    this.reportDuplicateIds(raw);
    raw.forEach((value, index) => {
      const c = obj(value);
      const at: NodePath = ['claims', index];
      const id = str(c?.id);
      const text = str(c?.claim);
      const verdict = str(c?.verdict) as Verdict | undefined;
      if (!c || !id || !text || !verdict) return;
      const claim: Claim = {
        id,
        claim: text,
        verdict,
        evidence: this.buildEvidence(arr(c.evidence), at, workspace, id, declared),
        conflicts: [],
        place: this.place(at),
        idPlace: this.place([...at, 'id']),
        claimPlace: this.place([...at, 'claim']),
      };
      const note = str(c.note);
      if (note) claim.note = note;
      const fact = this.buildFact(obj(c.fact), [...at, 'fact']);
      if (fact) claim.fact = fact;
      claim.conflicts = arr(c.conflicts).flatMap((entry, i): ConflictAck[] => {
        const e = obj(entry);
        const withId = str(e?.with);
        const reason = str(e?.reason);
        return withId && reason ? [{ with: withId, reason, place: this.place([...at, 'conflicts', i, 'with']) }] : [];
      });
      if (!firstById.has(id)) firstById.set(id, claim);
      if (verdict === 'disputed' && !note) {
        this.warnings.push(createMessage({ ruleId: 'disputed-without-note', severity: 'warning', reason: `claim "${id}" is disputed but has no note`, file: this.ctx.file, place: claim.idPlace, claimId: id, note: 'Add a note that says what the sources disagree on.' }));
      }
      claims.push(claim);
    });
    for (const claim of claims) {
      for (const ack of claim.conflicts) {
        if (ack.with === claim.id) this.error('invalid-conflict', `claim "${claim.id}" lists a conflict with itself`, ack.place, { claimId: claim.id, note: 'Remove this entry: `with` names another claim.' });
        else if (!firstById.has(ack.with)) {
          const hint = suggest(ack.with, firstById.keys());
          this.error('unknown-claim', `claim "${claim.id}" lists a conflict with ${showValue(ack.with)}, which is not a claim id${hint ? `; did you mean "${hint}"?` : ''}`, ack.place, {
            claimId: claim.id,
            actual: ack.with,
            note: '`with` takes the id of another claim in this file.',
          });
        }
      }
    }
    return claims;
  }

  /** Checked on the raw items, so that a duplicate is reported even when the item has other errors. */
  private reportDuplicateIds(raw: unknown[]): void {
    const firstLine = new Map<string, number>();
    raw.forEach((value, index) => {
      const id = str(obj(value)?.id);
      if (!id) return;
      const place = this.place(['claims', index, 'id']);
      const first = firstLine.get(id);
      if (first === undefined) firstLine.set(id, place.start.line);
      else this.error('duplicate-id', `duplicate claim id "${id}" (first used at line ${first})`, place, { claimId: id, note: 'Claim ids must be unique: rename one of them.' });
    });
  }

  /** `declared`: the ids under sources, or undefined when sources is not a mapping (reported already). */
  private buildEvidence(raw: unknown[], at: NodePath, workspace: Workspace, claimId: string, declared: ReadonlySet<string> | undefined): Evidence[] {
    const evidence: Evidence[] = [];
    raw.forEach((value, index) => {
      const e = obj(value);
      const where: NodePath = [...at, 'evidence', index];
      const source = str(e?.source);
      const quote = str(e?.quote);
      if (!e || !source || !quote || !quote.trim()) return;
      if (declared && !workspace.sources.has(source) && !declared.has(source)) {
        const hint = suggest(source, workspace.sources.keys());
        this.error('unknown-source', `evidence cites source "${source}", which is not declared under sources${hint ? `; did you mean "${hint}"?` : ''}`, this.place([...where, 'source']), {
          claimId,
          actual: source,
          expected: [...workspace.sources.keys()].join(', '),
          note: `Use the id of a source under sources: ${[...workspace.sources.keys()].join(', ') || 'none is declared yet'}.`,
        });
      }
      const item: Evidence = { source, quote, place: this.place(where), quotePlace: this.place([...where, 'quote']) };
      const span = arr(e.span);
      if (span.length === 2 && span.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
        const [start, end] = span as [number, number];
        item.spanPlace = this.place([...where, 'span']);
        if (start > end) this.error('invalid-span', `span [${start}, ${end}] is reversed: start must not exceed end`, item.spanPlace, { claimId, actual: `[${start}, ${end}]`, note: 'Write [start, end], or remove the span and run `factcheck update` to pin it.' });
        else item.span = [start, end];
      }
      for (const key of ['prefix', 'suffix'] as const) {
        const v = str(e[key]);
        if (v !== undefined) item[key] = v;
      }
      evidence.push(item);
    });
    return evidence;
  }

  private buildFact(raw: Record<string, unknown> | undefined, at: NodePath): Fact | undefined {
    if (!raw) return undefined;
    const subject = str(raw.subject);
    const property = str(raw.property);
    const value = typeof raw.value === 'number' ? String(raw.value) : str(raw.value);
    if (!subject || !property || value === undefined) return undefined;
    const fact: Fact = { subject, property, value, place: this.place(at) };
    const when = scopeOf(raw.when);
    if (when === 'reversed') {
      const range = obj(raw.when)!;
      this.error('invalid-date', `${describePath([...at, 'when'])} runs backwards: from ${String(range.from)} is after to ${String(range.to)}`, this.place([...at, 'when']), {
        note: 'Swap from and to.',
      });
    } else if (when) fact.when = when;
    return fact;
  }
}

function thresholdsOf(raw: unknown): CoverageThresholds {
  const t = obj(raw) ?? {};
  const out: CoverageThresholds = {};
  if (typeof t.sentences === 'number') out.sentences = t.sentences;
  if (typeof t.characters === 'number') out.characters = t.characters;
  return out;
}

function scopeOf(raw: unknown): TimeScope | 'reversed' | undefined {
  if (raw === undefined || raw === null) return undefined;
  const range = obj(raw);
  if (range) {
    const from = range.from === undefined ? { value: { from: '0001-01-01', to: '0001-01-01' } } : parseDateInterval(range.from);
    const to = range.to === undefined ? { value: { from: '9999-12-31', to: '9999-12-31' } } : parseDateInterval(range.to);
    if (!from.value || !to.value) return undefined;
    if (from.value.from > to.value.to) return 'reversed';
    return { from: from.value.from, to: to.value.to, text: `${range.from ?? '…'} to ${range.to ?? '…'}` };
  }
  const single = parseDateInterval(raw);
  return single.value ? { ...single.value, text: String(raw) } : undefined;
}

/**
 * Whether a pattern written /…/flags compiles and is safe to run; plain strings always are.
 * JavaScript cannot stop a running regular expression, so a pattern that can backtrack for ever
 * (a repeated group that itself repeats, as in `(a+)+`) is refused here rather than left to hang.
 */
export function regexProblem(pattern: string): string | undefined {
  const parsed = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (!parsed) return undefined;
  try {
    new RegExp(parsed[1]!, parsed[2]);
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  const nested = nestedRepetition(parsed[1]!);
  return nested === undefined ? undefined : `could run for ever: the group ${nested} repeats, and so does something inside it, which can take exponential time on some texts`;
}

/** Unbounded repetition right at `at`: `*`, `+` or `{n,}`. */
function repeatsAt(source: string, at: number): boolean {
  const c = source[at];
  return c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(at)));
}

/** The first group that repeats without bound and holds an unbounded repetition, as written. */
export function nestedRepetition(source: string): string | undefined {
  const open: { start: number; repeats: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      if (!inClass && repeatsAt(source, i + 1) && open.length > 0) open[open.length - 1]!.repeats = true;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (repeatsAt(source, i + 1) && open.length > 0) open[open.length - 1]!.repeats = true;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') open.push({ start: i, repeats: false });
    else if (c === ')') {
      const group = open.pop();
      if (!group) continue;
      const groupRepeats = repeatsAt(source, i + 1);
      if (groupRepeats && group.repeats) return source.slice(group.start, i + 2);
      if ((groupRepeats || group.repeats) && open.length > 0) open[open.length - 1]!.repeats = true;
    } else if (repeatsAt(source, i) && open.length > 0 && source[i - 1] !== '(') open[open.length - 1]!.repeats = true;
  }
  return undefined;
}

async function readSources(workspace: Workspace, errors: Message[]): Promise<Map<string, LoadedSource>> {
  const sources = new Map<string, LoadedSource>();
  for (const decl of workspace.sources.values()) {
    const confined = await confinePath(workspace.root, decl.path);
    const outcome = 'problem' in confined ? confined : await readTextFile(confined.path, decl.path);
    if ('problem' in outcome) {
      errors.push(createMessage({ ruleId: outcome.problem.ruleId, reason: `source "${decl.id}": ${outcome.problem.reason}`, file: workspace.displayPath, place: decl.pathPlace, note: outcome.problem.note }));
      continue;
    }
    sources.set(decl.id, { decl, text: new SourceText(outcome.text) });
  }
  return sources;
}

function checkSpans(workspace: Workspace, sources: Map<string, LoadedSource>, errors: Message[]): void {
  for (const claim of workspace.claims) {
    for (const evidence of claim.evidence) {
      const source = sources.get(evidence.source);
      if (!source || !evidence.span || !evidence.spanPlace) continue;
      const [start, end] = evidence.span;
      if (end > source.text.length) {
        const hint = utf16SpanHint(source.text, evidence.span, evidence.quote);
        errors.push(
          createMessage({
            ruleId: 'span-out-of-range',
            reason: `span [${start}, ${end}] runs past the end of ${source.decl.path} (${source.text.length} code points)`,
            file: workspace.displayPath,
            place: evidence.spanPlace,
            claimId: claim.id,
            actual: `[${start}, ${end}]`,
            expected: `0 ≤ start ≤ end ≤ ${source.text.length}`,
            note: hint ?? 'Remove the span and run `factcheck update` to pin the quote again.',
          }),
        );
      }
    }
  }
}

export { formatBytes };
export type { Span };
