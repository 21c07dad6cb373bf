// Every rule a message can carry, in one registry: the type of Message.ruleId is its keys, so a
// rule that is not registered here does not compile. The README's "Rules" section documents each
// one under the anchor `#rule-<id>` (a test keeps the two in step), and the json and github
// formats link every message to it.
import type { Severity } from './types.js';

export interface RuleInfo {
  /** What the rule reports, in one line. */
  readonly description: string;
  /** The severity a message of this rule has unless its reporter says otherwise. */
  readonly severity: Severity;
}

const error = (description: string): RuleInfo => ({ description, severity: 'error' });
const warning = (description: string): RuleInfo => ({ description, severity: 'warning' });

export const RULES = {
  // Reading files (claims.yaml and the sources)
  'file-not-found': error('A file that claims.yaml names, or claims.yaml itself, does not exist.'),
  'not-a-file': error('The path names a folder or a device, not a regular file.'),
  'file-unreadable': error('The file exists but cannot be read (permissions, a symlink loop).'),
  'file-too-large': error('The file is over the size limit (32 MiB for claims.yaml, 64 MiB for a source).'),
  'not-utf8': error('The file is not UTF-8 text (invalid bytes, or UTF-16).'),
  'binary-file': error('The file holds a NUL byte: it is binary, not text.'),
  'invalid-path': error('A source path holds a character that no file name may hold.'),
  'path-outside-workspace': error('A source path is absolute, climbs out with `..`, or is a link to a file outside the workspace.'),
  // YAML
  'empty-file': error('claims.yaml has no content.'),
  'multiple-documents': error('claims.yaml holds more than one YAML document.'),
  'line-endings': error('claims.yaml ends lines with a lone carriage return, which YAML does not read as a line break.'),
  'yaml-syntax': error('The YAML cannot be read at this place.'),
  'yaml-tab': error('A tab is used as indentation.'),
  'duplicate-key': error('A key appears twice in the same mapping.'),
  'yaml-too-deep': error('Lists or mappings nest too deeply to read.'),
  'yaml-alias-limit': error('*aliases expand too many times (an alias bomb).'),
  'yaml-alias-undefined': error('An *alias names no &anchor defined before it.'),
  'yaml-alias-cycle': error('An *alias sits inside the value it names.'),
  'yaml-warning': warning('The YAML reader warns about something it read, such as an unknown tag.'),
  // The claims.yaml format
  'not-a-mapping': error('The top of claims.yaml is not a mapping of version, sources and claims.'),
  'unknown-key': error('A key that the format does not have (often a typo: the message suggests the closest key).'),
  'invalid-key': error('A key that is not a word or a string (a list or a mapping used as a key).'),
  'missing-field': error('A required field is missing, or neither of two alternative fields is given.'),
  'conflicting-fields': error('Two fields are given where exactly one of them belongs.'),
  'invalid-type': error('A value of the wrong kind: a list where a string belongs, a string where a number belongs.'),
  'invalid-text': error('A string holds half of a UTF-16 surrogate pair, which is not a character.'),
  'empty-value': error('A text is empty or only whitespace.'),
  'invalid-value': error('A value outside its allowed set (a verdict) or not of its form (an id, a URL, a hash).'),
  'invalid-id': error('A source, property or entity id that is not kebab-case.'),
  'out-of-range': error('A number outside its range (a percentage over 100, a negative offset, version 2).'),
  'invalid-length': error('A list with too few or too many items (a span that is not two numbers).'),
  'invalid-date': error('A date that is not YYYY-MM-DD, YYYY-MM or YYYY, that does not exist, or a range that runs backwards.'),
  'invalid-pattern': error('An exclude pattern written /…/ that does not compile, or that could run for ever.'),
  'invalid-span': error('A span whose start is after its end.'),
  // Included claims files
  'include-no-match': error('A path or glob under `include:` matches no file.'),
  'include-outside-workspace': error('A path or glob under `include:` is absolute, climbs out with `..`, or matches a link to a file outside the workspace.'),
  'include-nested': error('A file that claims.yaml includes has an `include:` of its own.'),
  'invalid-include': error('A path or glob under `include:` that cannot be read (a backslash, `**` inside a name).'),
  // References between the parts of claims.yaml
  'duplicate-id': error('Two claims have the same id (in one file, or in two of the files claims.yaml includes).'),
  'duplicate-source': error('Two claims files declare a source with the same id.'),
  'unknown-source': error('Evidence cites a source id that is not declared under sources.'),
  'unknown-claim': error('A conflicts entry names a claim id that does not exist.'),
  'unknown-evidence': error('A conflicts entry names an evidence position the claim does not have.'),
  'invalid-conflict': error('A claim lists a conflict with itself.'),
  'disputed-without-note': warning('A disputed claim has no note saying what the sources disagree on.'),
  'disputed-one-sided': warning('A disputed claim cites evidence on one side only (all for it, or all against it).'),
  // Checking the evidence
  'unpinned-span': warning('A quote without a span is found once in its source: run factcheck update to pin it.'),
  'quote-moved': warning('A quote stands word for word elsewhere in its source (an error with `anchor: { moved: error }`).'),
  'quote-changed': error('A quote is not in its source word for word, but a close passage is, or it cuts a character in two.'),
  'ambiguous-quote': error('A quote matches several places equally well, and nothing tells which is meant.'),
  'missing-quote': error('A quote is not in its source, and nothing similar enough is.'),
  'stale-wording': warning('A claim still uses a word that an accepted correction took out of its quote.'),
  'too-few-sources': warning('A supported claim cites fewer distinct sources or publishers for it than the `verdicts:` policy asks.'),
  'quote-cuts-attribution': warning('A quote starts right after a reporting clause of its source ("she said that", "according to X,"), which it leaves out.'),
  'attribution-dropped': warning('The quote attributes its statement to someone, and the claim states it without the attribution.'),
  // Contradictions: an error between two supported claims, else a warning; info when acknowledged
  'contradiction-structured': error('Two facts give different values of a single-valued property of one subject at overlapping times.'),
  'contradiction-numeric': error('Two aligned texts (two claims, or a claim and its quote) give quantities that cannot both hold.'),
  'contradiction-date': error('Two aligned texts (two claims, or a claim and its quote) give dates that share no day.'),
  'contradiction-negation': error('Two aligned texts (two claims, or a claim and its quote) differ by a negation.'),
  'contradiction-antonym': error('Two aligned texts (two claims, or a claim and its quote) differ by a pair of antonyms.'),
  'contradiction-entity': error('Two aligned texts (two claims, or a claim and its quote) name a different person, organisation, place or role in the same place, or another thing of the same kind (a library for a museum).'),
  'contradiction-unsupported': warning('A claim states a number, date or name that none of its evidence quotes mentions, in any form.'),
  // Writing claims.yaml (update and add): why nothing was written
  'write-refused-in-ci': error('update or add would write claims.yaml while CI is set, and --force was not given.'),
  'claims-locked': error('Another process is writing claims.yaml (its lock file exists), or the lock cannot be taken.'),
  'lock-lost': error('The lock on claims.yaml was taken over while the command stalled; nothing was written.'),
  'claims-changed-on-disk': error('claims.yaml changed on disk while the command read or edited it; nothing was written.'),
  'disk-full': error('The disk (or the quota) is full: claims.yaml or its lock could not be written; the file is unchanged.'),
  'write-failed': error('claims.yaml could not be written (read-only, permissions); nothing was changed.'),
  'nothing-to-take': error('update --take names an unknown claim, a claim with no missing quote, or a suggestion that is not offered; nothing was written.'),
  'not-a-claims-file': error('add --into names a file that is neither claims.yaml nor one of the files its `include:` matches; nothing was written.'),
  'edit-unsafe': error('The edit could not be made safely, or did not read back as intended; nothing was written.'),
  // Typed claims (claims.generated.ts, written by `factcheck types`)
  'unknown-claim-reference': error('TypeScript passes claim() or a parameter typed ClaimId a claim id that claims.yaml does not have.'),
  'stale-claim-types': warning('claims.generated.ts no longer matches the claims and sources of claims.yaml: run factcheck types.'),
  // Coverage
  'coverage-threshold': error('A source, or all sources together, is less covered by verified quotes than its threshold.'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** Where the README documents a rule, relative to the root of the repository. */
export function ruleDocs(ruleId: RuleId): string {
  return `README.md#rule-${ruleId}`;
}
