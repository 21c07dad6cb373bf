// Bad and hostile input, through the real binary: every case must end with the right exit code
// and a message that says what is wrong, where (line:col), and how to fix it; never a stack
// trace, a crash or a hang. Workspaces are generated in a temporary folder; runs go in parallel.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_LINE_SOURCE } from '@factcheck/test-fixtures';

const bin = fileURLToPath(new URL('../bin/factcheck.js', import.meta.url));

const SOURCE = ONE_LINE_SOURCE;

/** A valid claims.yaml; the line:col of every case counts from this layout. */
const VALID = `version: 1
sources:
  bbc:
    path: seeds/a.txt
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked"
        span: [0, 27]
`;

/** `text` with `from` replaced by `to`; `from` must occur exactly once, so that no case tests nothing. */
function edit(from: string, to: string, text = VALID): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" does not occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
/** New lines from line 2 on (after `version: 1`). */
const topLevel = (lines: string) => edit('version: 1\n', `version: 1\n${lines}\n`);
/** New lines from line 5 on, inside sources.bbc. */
const sourceField = (lines: string) => edit('    path: seeds/a.txt\n', `    path: seeds/a.txt\n${lines}\n`);
/** New lines from line 9 on, inside claims[0]. */
const claimField = (lines: string) => edit('    verdict: supported\n', `    verdict: supported\n${lines}\n`);
/** New lines from line 13 on, inside claims[0].evidence[0]. */
const evidenceField = (lines: string) => `${VALID}${lines}\n`;
/** The text with `anchor: { moved: error }` as line 2, so that a moved quote is an error (every line after moves down one). */
const movedIsError = (text: string) => edit('version: 1\n', 'version: 1\nanchor: { moved: error }\n', text);
/** claims[0] with a fact (line 9). */
const fact = (body: string) => claimField(`    fact: {${body}}`);

// ---------------------------------------------------------------------------------------------
// Running the binary

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** setpriv's flags that run a command as root without the capabilities that pass over file permissions. */
const WITHOUT_OVERRIDE = ['--bounding-set=-dac_override,-dac_read_search'];

function runBinary(args: readonly string[], cwd: string, unprivileged = false): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, CI: '', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.FACTCHECK_DEBUG;
  const [command, argv] = unprivileged ? ['setpriv', [...WITHOUT_OVERRIDE, process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // A hang shows as a kill signal, which the assertions report.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs tasks with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A stack frame as Node prints it (`    at fn (file:1:2)` or `    at file:1:2`). */
const STACK_FRAME = /^\s+at .*(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m;

/** What a run must never show, whatever its input. */
function crashSigns(run: Run): string[] {
  const out = `${run.stdout}\n${run.stderr}`;
  const signs: string[] = [];
  if (run.signal) signs.push(`killed by ${run.signal} (a hang?)`);
  if (STACK_FRAME.test(out)) signs.push('a stack trace');
  if (/internal error/i.test(out)) signs.push('"internal error"');
  if (/^\(node:\d+\)/m.test(out)) signs.push('a Node warning');
  if (/\b(?:RangeError|TypeError|ReferenceError|SyntaxError)\b/.test(out)) signs.push('a JavaScript error name');
  return signs;
}

/** True when a process started through setpriv WITHOUT_OVERRIDE is really refused a file of mode 000. */
function permissionsHoldWithoutOverride(): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-permissions-'));
  try {
    const file = path.join(dir, 'locked.txt');
    writeFileSync(file, 'locked\n');
    chmodSync(file, 0o000);
    const probe = spawnSync('setpriv', [...WITHOUT_OVERRIDE, process.execPath, '-e', 'require("node:fs").readFileSync(process.argv[1])', file], { encoding: 'utf8' });
    return probe.status !== 0 && /EACCES/.test(probe.stderr ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isRoot = process.getuid?.() === 0;
const canDropOverride = isRoot && permissionsHoldWithoutOverride();

// ---------------------------------------------------------------------------------------------
// The cases

interface Case {
  name: string;
  /** claims.yaml: text or bytes; null for none at all. Default VALID. */
  claims?: string | Buffer | null;
  /** Other files of the workspace; seeds/a.txt is SOURCE unless given. */
  files?: Record<string, string | Buffer>;
  /** Links, folders, permissions: whatever files alone cannot express. */
  prepare?: (root: string, scratch: string) => void;
  /** Command and flags. Default ['check']. */
  args?: string[];
  /** Run without the power to pass over file permissions (see permissionCases). */
  unprivileged?: boolean;
  exit: 0 | 1 | 2;
  /**
   * The rule of the message expected at `at`. Without a rule the case is a usage error: `text` is
   * looked for on stderr (or, for exit 0, on stdout).
   */
  rule?: string;
  text: string | RegExp;
  /** `line:col` of the message. */
  at?: string;
  note?: string | RegExp;
}

const lol = (n: number) => Array(n).fill('lol').join(', ');
const ALIAS_BOMB = ['version: 1', 'sources: {}', 'claims: []', 'lol:', `  a: &a [${lol(9)}]`]
  .concat(Array.from({ length: 8 }, (_, i) => {
    const name = String.fromCharCode(98 + i);
    const prev = String.fromCharCode(97 + i);
    return `  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`;
  }))
  .join('\n');

const DEEP = 10_000;
const ASTRAL_SOURCE = 'Emoji 😀😀 then the words that matter.\n';
/** "the words": code points [14, 23]; UTF-16 units [16, 25]. */
const astral = (span: string) =>
  `version: 1\nsources:\n  bbc:\n    path: seeds/a.txt\nclaims:\n  - id: astral\n    claim: Words after emoji.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: the words\n        span: ${span}\n`;

const yamlCases: Case[] = [
  { name: 'an unclosed double quote', claims: edit('"The account has been locked"', '"The account has been locked'), exit: 2, rule: 'yaml-syntax', text: 'a double-quoted value is not closed', at: '11:16', note: /Close the quote/ },
  { name: 'an unclosed single quote', claims: edit('claim: The account was locked.', "claim: 'The account was locked."), exit: 2, rule: 'yaml-syntax', text: 'a single-quoted value is not closed', at: '7:12', note: /Close the quote/ },
  { name: 'an unclosed [', claims: edit('span: [0, 27]', 'span: [0, 27'), exit: 2, rule: 'yaml-syntax', text: 'the [ here is not closed with ]', at: '12:15', note: /Close it with \]/ },
  { name: 'an unquoted value with ": "', claims: edit('claim: The account was locked.', 'claim: Note: the account was locked'), exit: 2, rule: 'yaml-syntax', text: 'Nested mappings are not allowed in compact mappings', at: '7:12', note: /must be quoted/ },
  { name: 'a key indented too far', claims: edit('    verdict:', '      verdict:'), exit: 2, rule: 'yaml-syntax', text: 'Nested mappings are not allowed in compact mappings', at: '7:12', note: /indented more than its key/ },
  { name: 'a key not indented far enough', claims: edit('    verdict:', '   verdict:'), exit: 2, rule: 'yaml-syntax', text: 'Sequence item without - indicator', at: '8:1', note: /align it with the keys above it/ },
  { name: 'a bad escape in double quotes', claims: edit('"The account has been locked"', '"C:\\qfiles"'), exit: 2, rule: 'yaml-syntax', text: 'Invalid escape sequence \\q', at: '11:19', note: /backslash/ },
  { name: 'a tab used as indentation', claims: edit('  bbc:', '\tbbc:'), exit: 2, rule: 'yaml-tab', text: 'Tabs are not allowed as indentation', at: '3:1', note: 'Indent with spaces, not tabs.' },
  { name: 'a duplicate key', claims: claimField('    verdict: refuted'), exit: 2, rule: 'duplicate-key', text: 'the key verdict appears twice in the same mapping', at: '9:5', note: /remove or rename one/ },
  { name: 'a list instead of a mapping', claims: '- version: 1\n- claims: []\n', exit: 2, rule: 'not-a-mapping', text: 'claims.yaml must be a mapping with version, sources and claims at the top, got a list', at: '1:1', note: /version: 1/ },
  { name: 'a single value instead of a mapping', claims: 'just a sentence\n', exit: 2, rule: 'not-a-mapping', text: 'got a single value ("just a sentence")', at: '1:1' },
  { name: 'version: 2', claims: edit('version: 1', 'version: 2'), exit: 2, rule: 'out-of-range', text: 'version must be 1, got 2', at: '1:10' },
  { name: 'an empty file', claims: '', exit: 2, rule: 'empty-file', text: 'claims.yaml has no content', at: '1:1', note: /Start with `version: 1`/ },
  { name: 'only comments', claims: '# nothing here yet\n# still nothing\n', exit: 2, rule: 'empty-file', text: 'claims.yaml has no content', at: '1:1' },
  { name: 'two documents', claims: `${VALID}---\n${VALID}`, exit: 2, rule: 'multiple-documents', text: 'claims.yaml holds 2 YAML documents; factcheck reads exactly one', at: '13:1', note: /Remove the `---`/ },
  { name: 'an alias bomb (billion laughs)', claims: ALIAS_BOMB, exit: 2, rule: 'yaml-alias-limit', text: /expands its \*aliases more than 100 times: this looks like an alias bomb/, at: '7:10', note: /fewer \*aliases/ },
  { name: 'an alias to no anchor', claims: edit('"The account has been locked"', '*quote'), exit: 2, rule: 'yaml-alias-undefined', text: 'the alias *quote names no anchor', at: '11:16', note: /&quote/ },
  { name: 'an alias inside its own anchor', claims: topLevel('anchor: &loop {margin: [*loop]}'), exit: 2, rule: 'yaml-alias-cycle', text: 'the alias *loop sits inside the value it names', at: '2:25' },
  { name: `${DEEP} levels of flow nesting`, claims: topLevel(`anchor: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}`), exit: 2, rule: 'yaml-too-deep', text: 'claims.yaml is nested too deeply to read', at: '2:9', note: /only a few levels/ },
  { name: `${DEEP} levels of block nesting (- - - …)`, claims: topLevel(`anchor:\n  ${'- '.repeat(DEEP)}x`), exit: 2, rule: 'yaml-too-deep', text: 'claims.yaml is nested too deeply to read', at: '3:3' },
  {
    name: '2,000 levels of indented block mappings',
    claims: topLevel(`anchor:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}`),
    exit: 2,
    rule: 'yaml-too-deep',
    text: 'claims.yaml is nested too deeply to read',
    at: '3:2',
  },
  { name: 'a 50 MB claims.yaml', claims: null, prepare: (root) => writeFileSync(path.join(root, 'claims.yaml'), Buffer.concat([Buffer.from(VALID), Buffer.alloc(50 * 1024 * 1024, '# padding\n')])), exit: 2, rule: 'file-too-large', text: 'claims.yaml is 50.0 MiB, over the limit of 32.0 MiB', at: '1:1', note: /at most 32\.0 MiB/ },
  { name: 'old Mac line endings (lone \\r)', claims: VALID.replace(/\n/g, '\r'), exit: 2, rule: 'line-endings', text: 'claims.yaml ends a line with a lone carriage return', at: '1:11', note: /LF/ },
  { name: 'a %YAML 1.1 directive (still read with the YAML 1.2 core schema)', claims: `%YAML 1.1\n---\n${topLevel('anchor: {ignore-case: yes}')}`, exit: 2, rule: 'invalid-type', text: 'anchor.ignore-case must be true or false, got "yes"', at: '4:23' },
  { name: 'a !!binary quote', claims: edit('"The account has been locked"', '!!binary aGVsbG8='), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].quote must be a string, got binary data (5 bytes)', at: '11:25' },
  { name: 'a lone surrogate escape in a quote', claims: edit('"The account has been locked"', '"\\uDE00 account"'), exit: 2, rule: 'invalid-text', text: 'claims[0].evidence[0].quote holds half of a UTF-16 surrogate pair (\\uDE00) on its own', at: '11:16', note: /write the whole character/ },
  { name: 'a terminal escape sequence in a key (printed escaped)', claims: topLevel('"\\e[2J\\e[31mred": 1'), exit: 2, rule: 'unknown-key', text: 'unknown key "\\u001b[2J\\u001b[31mred" in the document', at: '2:1' },
  { name: 'a complex key', claims: topLevel('[a, b]: 1'), exit: 2, rule: 'invalid-key', text: 'a key in the document is a list of 2; keys must be plain words or strings', at: '2:1' },
];

const valueCases: Case[] = [
  // Top level and options
  { name: 'version as a string', claims: edit('version: 1', 'version: "1"'), exit: 2, rule: 'invalid-type', text: 'version must be an integer, got "1"', at: '1:10', note: 'version: The format version: 1.' },
  { name: 'anchor as a list', claims: topLevel('anchor: [0.8]'), exit: 2, rule: 'invalid-type', text: 'anchor must be a mapping, got a list of 1', at: '2:9' },
  { name: 'anchor.min-score as a string', claims: topLevel('anchor:\n  min-score: high'), exit: 2, rule: 'invalid-type', text: 'anchor.min-score must be a number, got "high"', at: '3:14', note: /Minimum similarity/ },
  { name: 'anchor.min-score above 1', claims: topLevel('anchor:\n  min-score: 1.5'), exit: 2, rule: 'out-of-range', text: 'anchor.min-score must be from 0 to 1, got 1.5', at: '3:14' },
  { name: 'anchor.margin as a list', claims: topLevel('anchor:\n  margin: [0.1]'), exit: 2, rule: 'invalid-type', text: 'anchor.margin must be a number, got a list of 1', at: '3:11' },
  { name: 'anchor.ignore-case as a string', claims: topLevel('anchor:\n  ignore-case: "true"'), exit: 2, rule: 'invalid-type', text: 'anchor.ignore-case must be true or false, got "true"', at: '3:16' },
  { name: 'coverage as a string', claims: topLevel('coverage: lots'), exit: 2, rule: 'invalid-type', text: 'coverage must be a mapping, got "lots"', at: '2:11' },
  { name: 'coverage.sentences as a percent string', claims: topLevel('coverage:\n  sentences: 85%'), exit: 2, rule: 'invalid-type', text: 'coverage.sentences must be a number, got "85%"', at: '3:14' },
  { name: 'coverage.characters over 100', claims: topLevel('coverage:\n  characters: 150'), exit: 2, rule: 'out-of-range', text: 'coverage.characters must be from 0 to 100, got 150', at: '3:15' },
  { name: 'properties as a list', claims: topLevel('properties: [job-title]'), exit: 2, rule: 'invalid-type', text: 'properties must be a mapping, got a list of 1', at: '2:13' },
  { name: 'a property with no value', claims: topLevel('properties:\n  job-title:'), exit: 2, rule: 'invalid-type', text: 'properties.job-title must be a mapping, got nothing', at: '3:13' },
  { name: 'properties.*.single-valued as a string', claims: topLevel('properties:\n  job-title:\n    single-valued: "yes"'), exit: 2, rule: 'invalid-type', text: 'properties.job-title.single-valued must be true or false, got "yes"', at: '4:20' },
  { name: 'properties.*.description as a number', claims: topLevel('properties:\n  job-title:\n    description: 5'), exit: 2, rule: 'invalid-type', text: 'properties.job-title.description must be a string, got 5', at: '4:18' },
  { name: 'a property id that is not kebab-case', claims: topLevel('properties:\n  Job_Title: {}'), exit: 2, rule: 'invalid-id', text: 'properties: the id "Job_Title" must be kebab-case', at: '3:3', note: /Rename it/ },
  { name: 'entities as a string', claims: topLevel('entities: bytedance'), exit: 2, rule: 'invalid-type', text: 'entities must be a mapping, got "bytedance"', at: '2:11' },
  { name: 'entities.*.name as a list', claims: topLevel('entities:\n  bytedance:\n    name: [ByteDance]'), exit: 2, rule: 'invalid-type', text: 'entities.bytedance.name must be a string, got a list of 1', at: '4:11' },
  { name: 'entities.*.aliases as a string', claims: topLevel('entities:\n  bytedance:\n    aliases: ByteDance Ltd'), exit: 2, rule: 'invalid-type', text: 'entities.bytedance.aliases must be a list, got "ByteDance Ltd"', at: '4:14' },
  { name: 'an alias that is a mapping', claims: topLevel('entities:\n  bytedance:\n    aliases: [ByteDance, {a: b}]'), exit: 2, rule: 'invalid-type', text: 'entities.bytedance.aliases[1] must be a string, got a mapping', at: '4:26' },
  // Sources
  { name: 'sources as a list (and no cascade of unknown sources)', claims: edit('  bbc:\n    path: seeds/a.txt', '  - bbc'), exit: 2, rule: 'invalid-type', text: 'sources must be a mapping, got a list of 1', at: '3:3' },
  { name: 'a source as a string', claims: edit('  bbc:\n    path: seeds/a.txt', '  bbc: seeds/a.txt'), exit: 2, rule: 'invalid-type', text: 'sources.bbc must be a mapping, got "seeds/a.txt"', at: '3:8' },
  { name: 'sources.*.path as a number', claims: edit('path: seeds/a.txt', 'path: 42'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.path must be a string, got 42', at: '4:11', note: /relative to claims\.yaml/ },
  { name: 'sources.*.path missing', claims: edit('    path: seeds/a.txt', '    title: The article'), exit: 2, rule: 'missing-field', text: 'sources.bbc is missing the required field "path"', at: '4:5', note: 'Add "path:" (a string).' },
  { name: 'sources.*.title as a list', claims: sourceField('    title: [a, b]'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.title must be a string, got a list of 2', at: '5:12' },
  { name: 'sources.*.publisher as a number', claims: sourceField('    publisher: 12'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.publisher must be a string, got 12', at: '5:16' },
  { name: 'sources.*.url as a number', claims: sourceField('    url: 12'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.url must be a string, got 12', at: '5:10' },
  { name: 'a javascript: url', claims: sourceField('    url: "javascript:alert(1)"'), exit: 2, rule: 'invalid-value', text: 'sources.bbc.url must be an http:// or https:// URL, got "javascript:alert(1)"', at: '5:10' },
  { name: 'sources.*.published as a list', claims: sourceField('    published: [2022]'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.published must be a date (YYYY-MM-DD, YYYY-MM or YYYY), got a list of 1', at: '5:16' },
  { name: 'sources.*.published impossible', claims: sourceField('    published: 2022-02-30'), exit: 2, rule: 'invalid-date', text: 'sources.bbc.published: "2022-02-30" has day 30: 2022-02 has 28 days', at: '5:16', note: /YYYY-MM-DD/ },
  { name: 'sources.*.sha256 as a number', claims: sourceField('    sha256: 12345'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.sha256 must be a string, got 12345', at: '5:13' },
  { name: 'sources.*.sha256 too short', claims: sourceField('    sha256: abc'), exit: 2, rule: 'invalid-value', text: 'sources.bbc.sha256 must be 64 lower-case hexadecimal digits, got "abc"', at: '5:13' },
  { name: 'sources.*.exclude as a string', claims: sourceField('    exclude: top of page'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.exclude must be a list, got "top of page"', at: '5:14' },
  { name: 'sources.*.exclude item as a number', claims: sourceField('    exclude: [12]'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.exclude[0] must be a string, got 12', at: '5:15' },
  { name: 'a bad exclude regular expression', claims: sourceField('    exclude: ["/(unclosed/"]'), exit: 2, rule: 'invalid-pattern', text: 'sources.bbc.exclude[0] is not a valid regular expression: /(unclosed/: Unterminated group', at: '5:15', note: /without the surrounding slashes/ },
  { name: 'an exclude regular expression that could run for ever', claims: sourceField("    exclude: ['/(\\w+\\s?)+$/']"), exit: 2, rule: 'invalid-pattern', text: 'sources.bbc.exclude[0] could run for ever: the group (\\w+\\s?)+ repeats, and so does something inside it', at: '5:15', note: /repeat a group or its content, not both/ },
  { name: 'sources.*.coverage as a number', claims: sourceField('    coverage: 80'), exit: 2, rule: 'invalid-type', text: 'sources.bbc.coverage must be a mapping, got 80', at: '5:15' },
  { name: 'an unknown key with a suggestion', claims: sourceField('    titel: The article'), exit: 2, rule: 'unknown-key', text: 'unknown key "titel" in sources.bbc; did you mean "title"?', at: '5:5', note: /Allowed keys: path, title/ },
  // Claims
  { name: 'claims as a mapping', claims: edit('claims:\n', 'claims: {}\nother:\n'), exit: 2, rule: 'invalid-type', text: 'claims must be a list, got a mapping', at: '5:9' },
  { name: 'a claim as a string', claims: `${VALID}  - just a sentence\n`, exit: 2, rule: 'invalid-type', text: 'claims[1] must be a mapping, got "just a sentence"', at: '13:5' },
  { name: 'claims[].id as a number', claims: edit('id: account-locked', 'id: 12'), exit: 2, rule: 'invalid-type', text: 'claims[0].id must be a string, got 12', at: '6:9' },
  { name: 'claims[].id not kebab-case', claims: edit('id: account-locked', 'id: Account_Locked'), exit: 2, rule: 'invalid-value', text: 'claims[0].id must be kebab-case', at: '6:9' },
  { name: 'claims[].claim as a list', claims: edit('claim: The account was locked.', 'claim: [a, b, c]'), exit: 2, rule: 'invalid-type', text: 'claims[0].claim must be a string, got a list of 3', at: '7:12' },
  { name: 'claims[].verdict as a boolean', claims: edit('verdict: supported', 'verdict: true'), exit: 2, rule: 'invalid-type', text: 'claims[0].verdict must be one of supported, refuted, disputed, unverified, got true', at: '8:14' },
  { name: 'claims[].verdict misspelt', claims: edit('verdict: supported', 'verdict: suported'), exit: 2, rule: 'invalid-value', text: 'got "suported"', at: '8:14', note: 'Did you mean "supported"?' },
  { name: 'claims[].note as a number', claims: claimField('    note: 3'), exit: 2, rule: 'invalid-type', text: 'claims[0].note must be a string, got 3', at: '9:11' },
  { name: 'claims[].evidence as a mapping', claims: edit('    evidence:\n      - source: bbc', '    evidence:\n        source: bbc').replace(/\n {8}quote/, '\n        quote').replace(/\n {8}span/, '\n        span'), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence must be a list, got a mapping', at: '10:9' },
  { name: 'claims[].evidence empty', claims: edit('    evidence:\n      - source: bbc\n        quote: "The account has been locked"\n        span: [0, 27]\n', '    evidence: []\n'), exit: 2, rule: 'invalid-length', text: 'claims[0].evidence must have at least 1 item, got 0', at: '9:15' },
  { name: 'claims[].fact as a string', claims: claimField('    fact: yes'), exit: 2, rule: 'invalid-type', text: 'claims[0].fact must be a mapping, got "yes"', at: '9:11' },
  { name: 'claims[].conflicts as a string', claims: claimField('    conflicts: other-claim'), exit: 2, rule: 'invalid-type', text: 'claims[0].conflicts must be a list, got "other-claim"', at: '9:16' },
  { name: 'conflicts.with as a number', claims: claimField('    conflicts: [{with: 5, reason: r}]'), exit: 2, rule: 'invalid-type', text: 'claims[0].conflicts[0].with must be a string, got 5', at: '9:24' },
  { name: 'conflicts.reason as a list', claims: claimField('    conflicts: [{with: other, reason: [r]}]'), exit: 2, rule: 'invalid-type', text: 'claims[0].conflicts[0].reason must be a string, got a list of 1', at: '9:39' },
  { name: 'a conflict with an unknown claim', claims: claimField('    conflicts: [{with: acount-locked, reason: r}]'), exit: 2, rule: 'unknown-claim', text: 'lists a conflict with "acount-locked", which is not a claim id; did you mean "account-locked"?', at: '9:24' },
  { name: 'duplicate claim ids', claims: VALID + VALID.slice(VALID.indexOf('  - id:')), exit: 2, rule: 'duplicate-id', text: 'duplicate claim id "account-locked" (first used at line 6)', at: '13:9', note: /must be unique/ },
  // Evidence
  { name: 'evidence.source as a list', claims: edit('- source: bbc', '- source: [bbc]'), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].source must be a string, got a list of 1', at: '10:17' },
  { name: 'an unknown source id', claims: edit('- source: bbc', '- source: bcc'), exit: 2, rule: 'unknown-source', text: 'evidence cites source "bcc", which is not declared under sources; did you mean "bbc"?', at: '10:17' },
  { name: 'evidence.quote as a number', claims: edit('"The account has been locked"', '5'), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].quote must be a string, got 5', at: '11:16', note: 'quote: The exact words of the source.' },
  { name: 'an empty quote', claims: edit('"The account has been locked"', '""'), exit: 2, rule: 'empty-value', text: 'claims[0].evidence[0].quote is empty', at: '11:16', note: /Give it some text/ },
  { name: 'a whitespace-only quote', claims: edit('"The account has been locked"', '" \\t  "'), exit: 2, rule: 'empty-value', text: 'claims[0].evidence[0].quote is empty', at: '11:16' },
  { name: 'a quote with nothing after the colon', claims: edit(' "The account has been locked"', ''), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].quote must be a string, got nothing', at: '11:15' },
  { name: 'evidence.span as a string', claims: edit('[0, 27]', '"0-27"'), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].span must be a list, got "0-27"', at: '12:15', note: /Unicode code points/ },
  { name: 'a negative span', claims: edit('[0, 27]', '[-1, 27]'), exit: 2, rule: 'out-of-range', text: 'claims[0].evidence[0].span[0] must be 0 or more, got -1', at: '12:16' },
  { name: 'a span past the end (the source got shorter: a finding, not a configuration error)', claims: movedIsError(edit('[0, 27]', '[0, 500]')), exit: 1, rule: 'quote-moved', text: 'quote moved in seeds/a.txt: span [0, 500] is now [0, 27]; the source got shorter (73 code points), so the span runs past its end', at: '13:15', note: /factcheck update/ },
  { name: 'a float in a span', claims: edit('[0, 27]', '[0, 27.5]'), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].span[1] must be an integer, got 27.5', at: '12:19' },
  { name: 'a reversed span', claims: edit('[0, 27]', '[27, 0]'), exit: 2, rule: 'invalid-span', text: 'span [27, 0] is reversed: start must not exceed end', at: '12:15', note: /\[start, end\]/ },
  { name: 'a span of three numbers', claims: edit('[0, 27]', '[0, 27, 3]'), exit: 2, rule: 'invalid-length', text: 'claims[0].evidence[0].span must have exactly 2 items, got 3', at: '12:15' },
  { name: 'evidence.prefix as a list', claims: evidenceField('        prefix: [x]'), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].prefix must be a string, got a list of 1', at: '13:17' },
  { name: 'evidence.suffix as a number', claims: evidenceField('        suffix: 5'), exit: 2, rule: 'invalid-type', text: 'claims[0].evidence[0].suffix must be a string, got 5', at: '13:17' },
  // Spans count code points
  { name: 'a code point span after emoji (the format: it holds)', claims: astral('[14, 23]'), files: { 'seeds/a.txt': ASTRAL_SOURCE }, exit: 0, text: '1 passed, 0 failed' },
  {
    name: 'a span counted in UTF-16 units (it would cut surrogate pairs as code points are counted)',
    claims: movedIsError(astral('[16, 25]')),
    files: { 'seeds/a.txt': ASTRAL_SOURCE },
    exit: 1,
    rule: 'quote-moved',
    text: 'quote moved in seeds/a.txt: span [16, 25] is now [14, 23]',
    at: '13:15',
    note: /Spans count Unicode code points, not UTF-16 units: \[16, 25\] holds the quote only when read as UTF-16 units .* In code points the quote is at \[14, 23\]\./,
  },
  {
    name: 'a UTF-16 span that runs past the end in code points',
    claims: movedIsError(edit('quote: the words', 'quote: that matter.', astral('[26, 38]'))),
    files: { 'seeds/a.txt': ASTRAL_SOURCE },
    exit: 1,
    rule: 'quote-moved',
    text: 'quote moved in seeds/a.txt: span [26, 38] is now [24, 36]',
    at: '13:15',
    note: /not UTF-16 units.*In code points the quote is at \[24, 36\]/,
  },
  // Facts and dates
  { name: 'fact.subject as a list', claims: fact('subject: [a], property: p, value: v'), exit: 2, rule: 'invalid-type', text: 'claims[0].fact.subject must be a string, got a list of 1', at: '9:21' },
  { name: 'fact.property as a number', claims: fact('subject: s, property: 5, value: v'), exit: 2, rule: 'invalid-type', text: 'claims[0].fact.property must be a string, got 5', at: '9:34' },
  { name: 'fact.value as a boolean', claims: fact('subject: s, property: p, value: true'), exit: 2, rule: 'invalid-type', text: 'claims[0].fact.value must be a string or a number, got true', at: '9:44' },
  { name: 'fact.when as a list', claims: fact('subject: s, property: p, value: v, when: [2022]'), exit: 2, rule: 'invalid-type', text: 'claims[0].fact.when must be a date (YYYY-MM-DD, YYYY-MM or YYYY) or a mapping, got a list of 1', at: '9:53' },
  { name: 'month 13', claims: fact('subject: s, property: p, value: v, when: 2022-13'), exit: 2, rule: 'invalid-date', text: 'claims[0].fact.when: "2022-13" has month 13: months run from 01 to 12', at: '9:53' },
  { name: 'February 30', claims: fact('subject: s, property: p, value: v, when: 2022-02-30'), exit: 2, rule: 'invalid-date', text: 'claims[0].fact.when: "2022-02-30" has day 30: 2022-02 has 28 days', at: '9:53' },
  { name: '"yesterday"', claims: fact('subject: s, property: p, value: v, when: yesterday'), exit: 2, rule: 'invalid-date', text: 'claims[0].fact.when: "yesterday" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY', at: '9:53' },
  { name: 'from after to', claims: fact('subject: s, property: p, value: v, when: {from: 2023, to: 2022-05}'), exit: 2, rule: 'invalid-date', text: 'claims[0].fact.when runs backwards: from 2023 is after to 2022-05', at: '9:53', note: 'Swap from and to.' },
  { name: 'a bad date at from', claims: fact('subject: s, property: p, value: v, when: {from: 2023-00}'), exit: 2, rule: 'invalid-date', text: 'claims[0].fact.when.from: "2023-00" has month 00', at: '9:60' },
];

const outside = (scratch: string) => {
  const dir = path.join(scratch, 'outside');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'secret.txt'), 'A secret outside the workspace.\n');
  return dir;
};

const withPath = (sourcePath: string) => edit('path: seeds/a.txt', `path: ${sourcePath}`, edit('    quote: "The account has been locked"\n        span: [0, 27]\n', '    quote: "The account has been locked"\n'));
const PATH_AT = '4:11';

const fileCases: Case[] = [
  { name: 'a missing source', claims: withPath('seeds/none.txt'), exit: 2, rule: 'file-not-found', text: 'source "bbc": seeds/none.txt does not exist', at: PATH_AT, note: /relative to claims\.yaml/ },
  { name: 'a source that is a folder', claims: withPath('seeds'), exit: 2, rule: 'not-a-file', text: 'source "bbc": seeds is a directory, not a file', at: PATH_AT },
  { name: 'a source that is a named pipe (no hang)', claims: withPath('seeds/pipe'), prepare: (root) => spawnSync('mkfifo', [path.join(root, 'seeds/pipe')]), exit: 2, rule: 'not-a-file', text: 'source "bbc": seeds/pipe is not a regular file', at: PATH_AT },
  { name: 'a binary source', files: { 'seeds/a.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) }, claims: withPath('seeds/a.txt'), exit: 2, rule: 'binary-file', text: 'source "bbc": seeds/a.txt looks binary (a NUL byte at byte 4)', at: PATH_AT },
  { name: 'a source in invalid UTF-8', files: { 'seeds/a.txt': Buffer.from('Caf\xe9 au lait', 'latin1') }, claims: withPath('seeds/a.txt'), exit: 2, rule: 'not-utf8', text: 'source "bbc": seeds/a.txt is not valid UTF-8 (first bad byte 0xe9 at byte 3)', at: PATH_AT, note: /iconv/ },
  { name: 'a source in UTF-16 with a BOM', files: { 'seeds/a.txt': Buffer.from(`\ufeff${SOURCE}`, 'utf16le') }, claims: withPath('seeds/a.txt'), exit: 2, rule: 'not-utf8', text: 'source "bbc": seeds/a.txt is UTF-16 (it starts with a UTF-16 byte order mark); factcheck reads UTF-8', at: PATH_AT, note: /iconv -f UTF-16/ },
  { name: 'a source path with ..', claims: withPath('../outside/secret.txt'), prepare: (_root, scratch) => outside(scratch), exit: 2, rule: 'path-outside-workspace', text: 'source "bbc": source path "../outside/secret.txt" leaves the workspace', at: PATH_AT, note: /Copy the source into the workspace/ },
  { name: 'an absolute source path', claims: withPath('/etc/hostname'), exit: 2, rule: 'path-outside-workspace', text: 'source "bbc": source path "/etc/hostname" is absolute', at: PATH_AT, note: /relative to claims\.yaml/ },
  { name: 'a source path with a NUL character', claims: withPath('"seeds/a\\0.txt"'), exit: 2, rule: 'invalid-path', text: 'source "bbc": source path "seeds/a\\u0000.txt" contains a NUL character', at: PATH_AT },
  { name: 'a symlink to a file outside', claims: withPath('seeds/link.txt'), prepare: (root, scratch) => symlinkSync(path.join(outside(scratch), 'secret.txt'), path.join(root, 'seeds/link.txt')), exit: 2, rule: 'path-outside-workspace', text: 'source "bbc": source path "seeds/link.txt" is a link to a file outside the workspace', at: PATH_AT },
  { name: 'a symlinked folder in the path, leading outside', claims: withPath('linked/secret.txt'), prepare: (root, scratch) => symlinkSync(outside(scratch), path.join(root, 'linked')), exit: 2, rule: 'path-outside-workspace', text: 'source path "linked/secret.txt" is a link to a file outside the workspace', at: PATH_AT },
  {
    name: 'a chain of symlinks leading outside',
    claims: withPath('seeds/one.txt'),
    prepare: (root, scratch) => {
      symlinkSync(path.join(outside(scratch), 'secret.txt'), path.join(root, 'seeds/three.txt'));
      symlinkSync('three.txt', path.join(root, 'seeds/two.txt'));
      symlinkSync('two.txt', path.join(root, 'seeds/one.txt'));
    },
    exit: 2,
    rule: 'path-outside-workspace',
    text: 'source path "seeds/one.txt" is a link to a file outside the workspace',
    at: PATH_AT,
  },
  {
    name: 'a chain of symlinks that stays inside (allowed)',
    claims: edit('path: seeds/a.txt', 'path: seeds/one.txt'),
    prepare: (root) => {
      symlinkSync('a.txt', path.join(root, 'seeds/two.txt'));
      symlinkSync('two.txt', path.join(root, 'seeds/one.txt'));
    },
    exit: 0,
    text: '1 passed, 0 failed',
  },
  { name: 'a symlink loop', claims: withPath('seeds/loop-a'), prepare: (root) => { symlinkSync('loop-b', path.join(root, 'seeds/loop-a')); symlinkSync('loop-a', path.join(root, 'seeds/loop-b')); }, exit: 2, rule: 'file-unreadable', text: 'source "bbc": seeds/loop-a is a symlink loop', at: PATH_AT },
  { name: 'claims.yaml that is a folder', claims: null, prepare: (root) => mkdirSync(path.join(root, 'claims.yaml')), exit: 2, rule: 'not-a-file', text: 'claims.yaml is a directory, not a file', at: '1:1', note: /--claims/ },
  { name: 'no claims.yaml', claims: null, exit: 2, rule: 'file-not-found', text: 'claims.yaml does not exist', at: '1:1', note: /Create it .* or pass --claims PATH/ },
  { name: 'claims.yaml in invalid UTF-8 (placed at the bad byte)', claims: Buffer.concat([Buffer.from(VALID), Buffer.from('# caf\xe9\n', 'latin1')]), exit: 2, rule: 'not-utf8', text: 'claims.yaml is not valid UTF-8 (first bad byte 0xe9', at: '13:6' },
  { name: 'claims.yaml in UTF-16', claims: Buffer.from(`\ufeff${VALID}`, 'utf16le'), exit: 2, rule: 'not-utf8', text: 'claims.yaml is UTF-16', at: '1:1' },
  ...permissionCases(),
];

/**
 * chmod 000 does not stop root: its capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH pass over
 * file permissions. When the tests run as root, the binary runs without those two (setpriv takes
 * them out of its bounding set): still root, so it reaches the checkout and the workspace wherever
 * they are, even under a folder that only root may enter, yet it is refused the locked file as
 * anyone else would be. As another user it runs as itself. Only as root on a system that cannot
 * drop capabilities is root's own behaviour asserted: the file is read.
 */
function permissionCases(): Case[] {
  const lock = (file: string) => (root: string) => chmodSync(path.join(root, file), 0o000);
  const unprivileged = canDropOverride ? { unprivileged: true } : {};
  if (isRoot && !canDropOverride) {
    return [{ name: 'an unreadable source (as root, which reads it anyway)', prepare: lock('seeds/a.txt'), exit: 0, text: '1 passed, 0 failed' }];
  }
  return [
    { name: 'an unreadable source', prepare: lock('seeds/a.txt'), ...unprivileged, exit: 2, rule: 'file-unreadable', text: 'source "bbc": seeds/a.txt cannot be read (permission denied)', at: PATH_AT, note: /chmod a\+r/ },
    { name: 'an unreadable claims.yaml', prepare: lock('claims.yaml'), ...unprivileged, exit: 2, rule: 'file-unreadable', text: 'claims.yaml cannot be read (permission denied)', at: '1:1' },
  ];
}

const ADD = ['add', '--source', 'bbc', '--claim', 'The account was locked.'];

const cliCases: Case[] = [
  { name: 'an unknown command', args: ['frobnicate'], exit: 2, text: 'factcheck: unknown command "frobnicate"' },
  { name: 'a misspelt command', args: ['chek'], exit: 2, text: 'factcheck: unknown command "chek"; did you mean "check"?' },
  { name: 'a flag before the command', args: ['--claims', 'x.yaml', 'check'], exit: 2, text: 'factcheck: expected a command before flags, got "--claims"' },
  { name: 'an unknown flag', args: ['check', '--frobnicate'], exit: 2, text: "check: unknown flag '--frobnicate' (accepted flags: --claims, --format, --help, --color, --no-color, --verbose, --no-cache, --progress, --no-progress, --workers, --out, --shard)" },
  { name: 'a misspelt flag', args: ['check', '--colr'], exit: 2, text: "check: unknown flag '--colr'; did you mean --color?" },
  { name: 'both --progress and --no-progress', args: ['check', '--progress', '--no-progress'], exit: 2, text: 'check: --progress and --no-progress conflict: give one of them' },
  { name: 'a flag without its value', args: ['check', '--format'], exit: 2, text: "check: flag '--format <value>' argument missing" },
  { name: '--claims without its value', args: ['check', '--claims'], exit: 2, text: "check: flag '--claims <value>' argument missing" },
  { name: '--claims with an empty value', args: ['check', '--claims', ''], exit: 2, text: 'check: --claims needs a path (got an empty value)' },
  { name: 'a bad --format', args: ['check', '--format', 'xml'], exit: 2, text: 'check: --format must be one of stylish, json, github, got "xml"' },
  { name: '--color with --no-color', args: ['check', '--color', '--no-color'], exit: 2, text: 'check: --color and --no-color conflict: give one of them' },
  { name: '--color with --format json', args: ['check', '--color', '--format', 'json'], exit: 2, text: 'check: --color goes with --format stylish, not json' },
  { name: 'a value given to a boolean flag', args: ['check', '--no-color=1'], exit: 2, text: "check: flag '--no-color' does not take an argument" },
  { name: 'a positional argument', args: ['check', 'claims.yaml'], exit: 2, text: "check: unexpected argument 'claims.yaml': check takes only flags (to name a claims file, write --claims claims.yaml)" },
  { name: 'report --out empty', args: ['report', '--out', ''], exit: 2, text: 'report: --out needs a directory' },
  { name: 'update: an unknown flag', args: ['update', '--acept'], exit: 2, text: "update: unknown flag '--acept'; did you mean --accept?" },
  { name: 'update: --format github', args: ['update', '--format', 'github'], exit: 2, text: 'update: --format must be one of stylish, json, got "github"' },
  { name: 'add without --quote', args: ADD, exit: 2, text: 'add: --quote is required (got none)' },
  { name: 'add without anything', args: ['add'], exit: 2, text: 'add: --source, --quote, --claim are required (got none)' },
  { name: 'add with an empty --quote', args: [...ADD, '--quote', '  '], exit: 2, text: 'add: --quote is empty' },
  { name: 'add with a quote that starts with "-"', args: [...ADD, '--quote', '-locked'], exit: 2, text: `add: flag '--quote' is followed by a value that starts with "-" (or by no value): give the value as --quote=VALUE` },
  { name: 'add with an unknown source', args: ['add', '--source', 'bcc', '--quote', 'locked', '--claim', 'c'], exit: 2, text: 'add: unknown source "bcc"; did you mean "bbc"?' },
  { name: 'add --verdict without its value', args: [...ADD, '--quote', 'locked', '--verdict'], exit: 2, text: "add: flag '--verdict <value>' argument missing" },
  { name: 'add with a bad --verdict', args: [...ADD, '--quote', 'locked', '--verdict', 'maybe'], exit: 2, text: 'add: --verdict must be one of supported, refuted, disputed, unverified, got "maybe"' },
  // Hostile files reach update and add too: same messages, nothing written.
  { name: 'update on 10,000 levels of nesting', args: ['update'], claims: topLevel(`anchor: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}`), exit: 2, rule: 'yaml-too-deep', text: 'claims.yaml is nested too deeply to read', at: '2:9' },
  { name: 'update on an alias bomb', args: ['update'], claims: ALIAS_BOMB, exit: 2, rule: 'yaml-alias-limit', text: /alias bomb/, at: '7:10' },
  { name: 'add on duplicate claim ids', args: [...ADD, '--quote', 'content deleted'], claims: VALID + VALID.slice(VALID.indexOf('  - id:')), exit: 2, rule: 'duplicate-id', text: 'duplicate claim id "account-locked"', at: '13:9' },
];

// ---------------------------------------------------------------------------------------------
// Running every case (twice when a message is expected: JSON for the exact place, stylish for
// the line a person reads), a few at a time.

interface Outcome {
  json?: Run;
  stylish: Run;
  /** For update and add: whether claims.yaml is byte for byte what it was. */
  claimsKept?: boolean;
}

const groups = { yaml: yamlCases, value: valueCases, file: fileCases, cli: cliCases };
const allCases = Object.entries(groups).flatMap(([group, cases]) => cases.map((c) => ({ ...c, group })));
const outcomes = new Map<string, Outcome>();
let scratch = '';

function prepareWorkspace(c: Case, index: number): string {
  const root = path.join(scratch, `case-${index}`);
  mkdirSync(path.join(root, 'seeds'), { recursive: true });
  const files: Record<string, string | Buffer> = { 'seeds/a.txt': SOURCE, ...c.files };
  if (c.claims !== null) files['claims.yaml'] = c.claims ?? VALID;
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  c.prepare?.(root, scratch);
  return root;
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'factcheck-hardening-'));
  const roots = new Map<string, string>();
  const runs = allCases.flatMap((c, index) => {
    const root = prepareWorkspace(c, index);
    roots.set(c.name, root);
    const args = c.args ?? ['check'];
    const list: { name: string; kind: 'json' | 'stylish'; run: () => Promise<Run> }[] = [{ name: c.name, kind: 'stylish', run: () => runBinary(args, root, c.unprivileged) }];
    if (c.rule && args[0] === 'check') list.push({ name: c.name, kind: 'json', run: () => runBinary([...args, '--format', 'json'], root, c.unprivileged) });
    return list;
  });
  const results = await pool(runs, 4, async (r) => ({ ...r, result: await r.run() }));
  for (const r of results) {
    const outcome = outcomes.get(r.name) ?? ({} as Outcome);
    outcome[r.kind] = r.result;
    outcomes.set(r.name, outcome);
  }
  for (const c of allCases) {
    const claimsFile = path.join(roots.get(c.name)!, 'claims.yaml');
    if (['update', 'add'].includes(c.args?.[0] ?? '') && existsSync(claimsFile)) {
      outcomes.get(c.name)!.claimsKept = readFileSync(claimsFile).equals(Buffer.from(typeof c.claims === 'string' ? c.claims : VALID));
    }
  }
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const matches = (text: string, expected: string | RegExp) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));

interface JsonMessage {
  ruleId: string;
  severity: string;
  reason: string;
  note?: string;
  place?: { start: { line: number; column: number } };
}

describe('the bad-input matrix (the real binary)', () => {
  it('has at least 40 cases, with unique names', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(allCases.map((c) => c.name)).size).toBe(allCases.length);
  });

  describe.each(Object.keys(groups))('%s', (group) => {
    it.each(allCases.filter((c) => c.group === group).map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const outcome = outcomes.get(c.name)!;
      const { stylish } = outcome;
      expect(crashSigns(stylish), stylish.stderr).toEqual([]);
      expect(stylish.code, `${stylish.stdout}\n${stylish.stderr}`).toBe(c.exit);
      // update and add write nothing when they refuse.
      if (outcome.claimsKept !== undefined) expect(outcome.claimsKept).toBe(true);

      if (!c.rule) {
        // A usage error (stderr, with the usage after it), or a clean run (stdout).
        const out = c.exit === 0 ? stylish.stdout : stylish.stderr;
        expect(matches(out, c.text), out).toBe(true);
        if (c.exit === 2) expect(stylish.stdout).toBe('');
        return;
      }

      // The line a person reads: `  L:C  error  reason  rule  (claim)` under the file name.
      const out = c.exit === 2 ? stylish.stderr : stylish.stdout;
      const line = out.split('\n').find((l) => new RegExp(`^ +${c.at} +error +`).test(l) && l.includes(`  ${c.rule}`));
      expect(line, `no "${c.at}  error … ${c.rule}" line in:\n${out}`).toBeDefined();
      expect(matches(line!, c.text), line).toBe(true);
      if (c.exit === 2) expect(out).toMatch(/\d+ configuration errors?: nothing was checked\. Fix (it|them) and run again\.\n$/);

      // The same message in JSON, with its place.
      if (!outcome.json) return;
      const { json } = outcome;
      expect(crashSigns(json)).toEqual([]);
      expect(json.code).toBe(c.exit);
      const report = JSON.parse(json.stdout) as { errors?: JsonMessage[]; messages?: JsonMessage[] };
      const list = c.exit === 2 ? report.errors! : report.messages!;
      const message = list.find((m) => m.ruleId === c.rule && matches(m.reason, c.text));
      expect(message, JSON.stringify(list, null, 2)).toBeDefined();
      expect(message!.severity).toBe('error');
      expect(`${message!.place?.start.line}:${message!.place?.start.column}`).toBe(c.at);
      if (c.note) expect(matches(message!.note ?? '', c.note), message!.note).toBe(true);
      // Every error says how to fix it.
      for (const m of list.filter((m) => m.severity === 'error')) expect(m.note, `${m.ruleId}: ${m.reason}`).toBeTruthy();
    });
  });
});
