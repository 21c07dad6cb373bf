import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS, factcheck, SOURCE, twoClaimWorkspace } from './fixtures/two-claims.js';

function workspace(claims = CLAIMS, source = SOURCE): string {
  return twoClaimWorkspace(claims, source);
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);

describe('factcheck check (the real binary)', () => {
  it('exits 0 and ends with the summary line when every claim holds', () => {
    const { status, stdout } = factcheck(['check'], workspace());
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
    expect(stdout).toMatch(/^bbc +2\/2 +100\.0%/m);
  });

  it('sums up corroboration by verdict, and lists each claim with --verbose', () => {
    const root = workspace();
    const plain = factcheck(['check'], root).stdout;
    expect(plain).toMatch(/^supported +2 claims: 2 on one source or none, 0 on two or more$/m);
    expect(plain).not.toMatch(/^ {2}account-locked /m);
    const verbose = factcheck(['check', '--verbose'], root).stdout;
    expect(verbose).toMatch(/^ {2}account-locked +supported +1 source, 1 publisher$/m);
  });

  it('exits 1 with a stylish line at the claim when a quote is missing', () => {
    const root = workspace(CLAIMS, SOURCE.replace('A second line.', 'Something else entirely, nothing alike.'));
    const { status, stdout } = factcheck(['check'], root);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^claims\.yaml$/m);
    expect(stdout).toMatch(/^ {2}19:15 {2}error {2}quote not found in seeds\/a\.txt.* {2}missing-quote {2}\(second-line\)$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('prints the JSON shape', () => {
    const root = workspace(CLAIMS, `Intro.\n${SOURCE}`);
    const { status, stdout } = factcheck(['check', '--format', 'json'], root);
    // Both quotes moved: they pass, with warnings.
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['version', 'claims', 'contradictions', 'coverage', 'messages', 'summary']);
    expect(json.version).toBe(1);
    expect(json.claims[0]).toMatchObject({ id: 'account-locked', verdict: 'supported', status: 'passed' });
    expect(json.claims[0].evidence[0]).toMatchObject({ source: 'bbc', status: 'moved', span: [0, 27], found: [7, 34], quote: 'The account has been locked', pinned: true });
    expect(json.coverage.sources[0]).toMatchObject({ source: 'bbc', path: 'seeds/a.txt' });
    expect(typeof json.coverage.sources[0].sentences).toBe('number');
    expect(typeof json.coverage.sources[0].covered).toBe('number');
    expect(json.summary).toEqual({ passed: 2, failed: 0 });
    expect(json.messages[0]).toMatchObject({ ruleId: 'quote-moved', severity: 'warning', file: 'claims.yaml', claimId: 'account-locked' });
  });

  it('prints github annotations', () => {
    const root = workspace(CLAIMS, SOURCE.replace('A second line.', 'Something else entirely, nothing alike.'));
    const { status, stdout } = factcheck(['check', '--format', 'github'], root);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^::error file=claims\.yaml,line=19,col=15,endLine=19,endColumn=\d+,title=missing-quote \(second-line\)::quote not found in seeds\/a\.txt/m);
  });

  it('exits 2 on a malformed claims.yaml, listing every problem at its line:col, without a stack trace', () => {
    const root = workspace(CLAIMS.replace('verdict: supported', 'verdict: maybe').replace('- source: bbc', '- source: cnn').replace('span: [73, 87]', 'span: [90, 80]'));
    const { status, stdout, stderr } = factcheck(['check'], root);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ {3}8:14 {2}error {2}claims\[0\]\.verdict must be one of supported, refuted, disputed, unverified, got "maybe" {2}invalid-value$/m);
    expect(stderr).toMatch(/^ {2}10:17 {2}error {2}evidence cites source "cnn"/m);
    expect(stderr).toMatch(/^ {2}19:15 {2}error {2}span \[90, 80\] is reversed/m);
    expect(stderr).toContain('3 configuration errors: nothing was checked.');
    noStack(stderr);
  });

  it('exits 2 on YAML that does not parse, with JSON errors when asked', () => {
    const root = workspace('version: 1\nclaims: [\n');
    const { status, stdout } = factcheck(['check', '--format', 'json'], root);
    expect(status).toBe(2);
    const json = JSON.parse(stdout);
    expect(json.errors[0]).toMatchObject({ ruleId: 'yaml-syntax', file: 'claims.yaml' });
    // At the [ that is never closed.
    expect(json.errors[0].place.start).toMatchObject({ line: 2, column: 9 });
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['chek'], 'did you mean "check"?'],
    [['check', '--frobnicate'], "check: unknown flag '--frobnicate'"],
    [['check', '--format'], "check: flag '--format <value>' argument missing"],
    [['check', '--format', 'xml'], 'check: --format must be one of stylish, json, github, got "xml"'],
    [['check', '--color', '--no-color'], 'check: --color and --no-color conflict'],
    [[], 'no command given'],
  ])('exits 2 on a usage error: %j', (args, text) => {
    const { status, stderr } = factcheck(args, workspace());
    expect(status).toBe(2);
    expect(stderr).toContain(text);
    noStack(stderr);
  });

  it('prints help with exit 0', () => {
    const { status, stdout } = factcheck(['--help'], workspace());
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: factcheck <command>');
  });

  it('reads --claims from another folder', () => {
    const root = workspace();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'factcheck-cli-elsewhere-'));
    const { status, stdout } = factcheck(['check', '--claims', path.join(root, 'claims.yaml')], elsewhere);
    expect(status).toBe(0);
    expect(stdout).toContain('2 passed, 0 failed');
  });

  it('writes the HTML report with `report`', () => {
    const root = workspace();
    const { status, stdout } = factcheck(['report'], root);
    expect(status).toBe(0);
    expect(stdout).toContain(`HTML report: ${path.join('reports', 'factcheck', 'index.html')}`);
  });
});
