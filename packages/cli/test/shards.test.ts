// check --shard i/n and merge: the shards of a check, merged, give the whole check byte for byte.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOf } from '@factcheck/check';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';
import { twoClaimWorkspace } from './fixtures/two-claims.js';

const created: string[] = [];
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// Source ids chosen so that the interesting claims straddle shards for n = 2, 3 and 5 (the test
// 'falls in the same shard on every run' pins these shards).
const SOURCES: Record<string, string> = {
  bbc: 'The council approved the budget on Monday. The mayor is Jane Smith. Officials said the vote was close.\n',
  reuters: 'Reports say the mayor is John Brown. The budget was large.\n',
  guardian: 'The bridge opened in 2019. Traffic has doubled since then.\n',
  post: 'The bridge opened to traffic in 2019 after delays. Critics called it late.\n',
  // The library sentence was pinned at 0; a sentence added in front moves it.
  delta: 'Breaking news today. The library closed early. Staff went home.\n',
  // The museum's figure changed; the zoo sentence is gone.
  echo: 'The museum welcomed 5,000 visitors last year. The aquarium is new.\n',
};

const span = (source: string, quote: string) => {
  const at = SOURCES[source]!.indexOf(quote);
  if (at < 0) throw new Error(`fixture: "${quote}" is not in ${source}`);
  return `[${at}, ${at + quote.length}]`;
};

const CLAIMS = `version: 1
properties:
  mayor: { single-valued: true }
sources:
${Object.keys(SOURCES)
  .map((id) => `  ${id}:\n    path: seeds/${id}.txt\n    publisher: ${id.toUpperCase()}\n`)
  .join('')}claims:
  - id: mayor-smith
    claim: The mayor is Jane Smith.
    verdict: supported
    fact: { subject: city, property: mayor, value: jane-smith }
    evidence:
      - source: bbc
        quote: "The mayor is Jane Smith."
        span: ${span('bbc', 'The mayor is Jane Smith.')}
  - id: mayor-brown
    claim: The mayor is John Brown.
    verdict: supported
    fact: { subject: city, property: mayor, value: john-brown }
    evidence:
      - source: reuters
        quote: "the mayor is John Brown."
        span: ${span('reuters', 'the mayor is John Brown.')}
  - id: bridge-opened
    claim: The bridge opened in 2019.
    verdict: supported
    evidence:
      - source: guardian
        quote: "The bridge opened in 2019."
        span: ${span('guardian', 'The bridge opened in 2019.')}
      - source: post
        quote: "The bridge opened to traffic in 2019 after delays."
        span: ${span('post', 'The bridge opened to traffic in 2019 after delays.')}
  - id: library-closed
    claim: The library closed early.
    verdict: supported
    evidence:
      - source: delta
        quote: "The library closed early."
        span: [0, 25]
  - id: museum-visitors
    claim: The museum welcomed 4,000 visitors last year.
    verdict: supported
    evidence:
      - source: echo
        quote: "The museum welcomed 4,000 visitors last year."
        span: [0, 45]
  - id: zoo-closed
    claim: The zoo was closed for renovations.
    verdict: supported
    evidence:
      - source: echo
        quote: "The zoo was closed for renovations during the whole of the summer."
        span: [46, 112]
  - id: budget-approved
    claim: The council approved the budget on Monday.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The council approved the budget on Monday."
      - source: reuters
        quote: "The budget was large."
        span: ${span('reuters', 'The budget was large.')}
`;

function workspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-shards-'));
  created.push(root);
  mkdirSync(path.join(root, 'seeds'));
  for (const [id, text] of Object.entries(SOURCES)) writeFileSync(path.join(root, 'seeds', `${id}.txt`), text);
  writeFileSync(path.join(root, 'claims.yaml'), CLAIMS);
  return root;
}

/** Runs the command line in-process, in `cwd`, with colours and CI off. */
async function factcheck(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, env: { NO_COLOR: '1' }, stdout: { write: (c: string) => (stdout += c) }, stderr: { write: (c: string) => (stderr += c) } };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** Runs the n shards of the check, each to results-i.json; returns the file names. */
async function runShards(root: string, n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const file = `results-${n}-${i}.json`;
    const run = await factcheck(['check', '--shard', `${i}/${n}`, '--format', 'json', '--out', file], root);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    files.push(file);
  }
  return files;
}

interface ShardJson {
  shard: { index: number; count: number; sources: Record<string, string>; evidence: { claimId: string; index: number; source: string; status: string }[] };
}
const readJson = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as ShardJson;

/** Every file under `dir`, by relative path, with its bytes. */
function tree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [k, v] of tree(full, `${prefix}${name}/`)) files.set(k, v);
    else files.set(`${prefix}${name}`, readFileSync(full));
  }
  return files;
}

describe('the partition of the sources', () => {
  it('falls in the same shard on every run: FNV-1a of the id, mod n (pinned)', () => {
    // FNV-1a (32 bits) of "a" is 0xe40c292c = 3826002220.
    expect(shardOf('a', 1000)).toBe(221);
    expect(shardOf('a', 1)).toBe(1);
    const pinned: Record<string, [number, number, number]> = {
      bbc: [1, 2, 2],
      reuters: [2, 3, 4],
      guardian: [1, 1, 2],
      post: [2, 3, 5],
      delta: [2, 2, 1],
      echo: [1, 3, 4],
    };
    for (const [id, shards] of Object.entries(pinned)) {
      expect([2, 3, 5].map((n) => shardOf(id, n)), id).toEqual(shards);
      expect(shardOf(id, 5)).toBe(shardOf(id, 5));
    }
    // Not the order of claims.yaml, not random: a different id, a different hash.
    expect(new Set(['s-1', 's-2', 's-3', 's-4', 's-5', 's-6', 's-7', 's-8'].map((id) => shardOf(id, 4))).size).toBeGreaterThan(1);
  });
});

describe('check --shard i/n, then merge', () => {
  const root = workspace();

  it('the whole check of the fixture has every kind of finding the shards must carry', async () => {
    const whole = await factcheck(['check', '--format', 'json'], root);
    expect(whole.status).toBe(1);
    const json = JSON.parse(whole.stdout);
    const statuses = json.claims.flatMap((c: { evidence: { status: string }[] }) => c.evidence.map((e) => e.status));
    expect(new Set(statuses)).toEqual(new Set(['verified', 'moved', 'changed', 'missing']));
    expect(json.contradictions).toEqual([expect.objectContaining({ claims: ['mayor-smith', 'mayor-brown'], kind: 'structured', severity: 'error' })]);
    // The contradiction's two claims cite sources of different shards, and bridge-opened cites two shards, for every n.
    for (const n of [2, 3, 5]) {
      expect(shardOf('bbc', n)).not.toBe(shardOf('reuters', n));
      expect(shardOf('guardian', n)).not.toBe(shardOf('post', n));
    }
  });

  it.each([1, 2, 3, 5])('%i shard(s) merge to the JSON of the whole check, byte for byte, with its exit code', async (n) => {
    const whole = await factcheck(['check', '--format', 'json'], root);
    const files = await runShards(root, n);
    const merged = await factcheck(['merge', ...files, '--format', 'json'], root);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(whole.status);
    expect(merged.stdout).toBe(whole.stdout);
    // The contradiction across shards comes out once.
    expect(JSON.parse(merged.stdout).contradictions).toHaveLength(1);
    const stylishWhole = await factcheck(['check'], root);
    const stylishMerged = await factcheck(['merge', ...files], root);
    expect(stylishMerged.stdout).toBe(stylishWhole.stdout);
    const out = await factcheck(['merge', ...files, '--format', 'github', '--out', `merged-${n}.txt`], root);
    expect(out.status).toBe(whole.status);
    expect(readFileSync(path.join(root, `merged-${n}.txt`), 'utf8')).toBe((await factcheck(['check', '--format', 'github'], root)).stdout);
  });

  it('a clean workspace merges to exit 0, as its check', async () => {
    const clean = twoClaimWorkspace(undefined, undefined, 'factcheck-shards-clean-');
    created.push(clean);
    const whole = await factcheck(['check', '--format', 'json'], clean);
    expect(whole.status).toBe(0);
    const files = await runShards(clean, 3);
    const merged = await factcheck(['merge', ...files, '--format', 'json'], clean);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('anchors each source in exactly one shard, and each quote once', async () => {
    for (const n of [2, 3, 5]) {
      const shards = (await runShards(root, n)).map((file) => readJson(root, file).shard);
      const sources = shards.flatMap((s) => Object.keys(s.sources));
      expect(sources.sort()).toEqual(Object.keys(SOURCES).sort());
      for (const s of shards) {
        expect(s).toMatchObject({ count: n });
        for (const id of Object.keys(s.sources)) expect(shardOf(id, n)).toBe(s.index);
        for (const e of s.evidence) expect(shardOf(e.source, n)).toBe(s.index);
      }
      const quotes = shards.flatMap((s) => s.evidence.map((e) => `${e.claimId}#${e.index}`));
      expect(quotes.sort()).toEqual(['bridge-opened#0', 'bridge-opened#1', 'budget-approved#0', 'budget-approved#1', 'library-closed#0', 'mayor-brown#0', 'mayor-smith#0', 'museum-visitors#0', 'zoo-closed#0']);
      // bridge-opened's two quotes are anchored by two different shards.
      const holders = shards.filter((s) => s.evidence.some((e) => e.claimId === 'bridge-opened')).map((s) => s.index);
      expect(holders).toHaveLength(2);
    }
  });

  it('keeps the anchor cache of the sources of other shards', async () => {
    const own = workspace();
    const cacheFiles = () => readdirSync(path.join(own, '.factcheck', 'cache', 'anchor')).filter((name) => !name.endsWith('.tmp')).sort();
    expect((await factcheck(['check', '--format', 'json'], own)).status).toBe(1);
    const whole = cacheFiles();
    expect(whole).toHaveLength(Object.keys(SOURCES).length);
    await runShards(own, 2);
    expect(cacheFiles()).toEqual(whole);
  });

  it('reads only the sources of its shard', async () => {
    const own = workspace();
    // Every source outside shard 1 of 2 is gone: the whole check cannot run, shard 1 can.
    for (const id of Object.keys(SOURCES)) if (shardOf(id, 2) !== 1) rmSync(path.join(own, 'seeds', `${id}.txt`));
    expect((await factcheck(['check'], own)).status).toBe(2);
    const shard = await factcheck(['check', '--shard', '1/2', '--format', 'json'], own);
    expect(shard.stderr).toBe('');
    expect(shard.status).toBe(1);
    expect(Object.keys(JSON.parse(shard.stdout).shard.sources).sort()).toEqual(['bbc', 'echo', 'guardian']);
  });

  it('reports the findings of its own quotes, and exits 1 when one is an error', async () => {
    const delta = await factcheck(['check', '--shard', `${shardOf('delta', 5)}/5`], root);
    expect(delta.status).toBe(0);
    expect(delta.stdout).toContain('quote moved');
    expect(delta.stdout).toMatch(/shard 1\/5: 1 quote in 1 source checked/);
    const echo = await factcheck(['check', '--shard', `${shardOf('echo', 5)}/5`], root);
    expect(echo.status).toBe(1);
    expect(echo.stdout).toContain('missing-quote');
    // Shard 4 of 5 holds echo (two failing quotes) and reuters (two standing ones).
    expect(echo.stdout).toMatch(/shard 4\/5: 4 quotes in 2 sources checked/);
    expect(echo.stdout).toMatch(/2 passed, 2 failed\n$/);
  });

  it('merge takes the quotes as the shards anchored them, and does not anchor them again', async () => {
    const files = await runShards(root, 2);
    const file = files[shardOf('guardian', 2) - 1]!;
    const json = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    const item = json.shard.evidence.find((e: { claimId: string }) => e.claimId === 'bridge-opened');
    expect(item.status).toBe('verified');
    // As if the shard had found the quote gone: the merged result must say so.
    Object.assign(item, { status: 'missing', found: undefined, score: 0.1, kind: undefined, distance: undefined, cached: undefined });
    writeFileSync(path.join(root, 'edited.json'), JSON.stringify(json));
    const merged = await factcheck(['merge', ...files.map((f) => (f === file ? 'edited.json' : f)), '--format', 'json'], root);
    expect(merged.status).toBe(1);
    const bridge = JSON.parse(merged.stdout).claims.find((c: { id: string }) => c.id === 'bridge-opened');
    expect(bridge.status).toBe('failed');
    expect(bridge.evidence.map((e: { status: string }) => e.status)).toEqual(['missing', 'verified']);
  });

  it('a generated workspace of 24 sources, a fifth of them edited, merges from 4 shards to the whole check', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-shards-corpus-'));
    created.push(dir);
    // A path held in a variable: the generator is plain JavaScript, outside this package's types.
    const corpusModule = new URL('../../check/bench/corpus.mjs', import.meta.url).href;
    const { writeCorpus } = (await import(corpusModule)) as { writeCorpus: (dir: string, options: object) => Promise<{ edited: string[] }> };
    const corpus = await writeCorpus(dir, { sources: 24, claims: 120, edited: 0.2, seed: 7, bytesPerSource: 3000 });
    expect(corpus.edited.length).toBeGreaterThan(0);
    const whole = await factcheck(['check', '--format', 'json', '--no-cache'], dir);
    expect(whole.status).toBe(1);
    const files = await runShards(dir, 4);
    const merged = await factcheck(['merge', ...files, '--format', 'json'], dir);
    expect(merged.status).toBe(1);
    expect(merged.stdout).toBe(whole.stdout);
    const counts = files.map((file) => Object.keys(readJson(dir, file).shard.sources).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(24);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('merge --report writes the HTML report of the whole check, file for file', async () => {
    const whole = await factcheck(['report', '--out', 'report-whole'], root);
    const files = await runShards(root, 3);
    const merged = await factcheck(['merge', ...files, '--report', 'report-merged'], root);
    expect(merged.status).toBe(whole.status);
    expect(merged.stdout).toContain('HTML report: report-merged/index.html');
    const a = tree(path.join(root, 'report-whole'));
    const b = tree(path.join(root, 'report-merged'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a.keys()]).toContain('index.html');
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
  });
});

describe('a workspace split with include:', () => {
  // Two claims move to an included file: its claims are sharded like the others, and a change
  // to that file between the shards and the merge is refused like a change to claims.yaml.
  const EXTRA = `claims:
  - id: traffic-doubled
    claim: Traffic on the bridge has doubled.
    verdict: supported
    evidence:
      - source: guardian
        quote: "Traffic has doubled since then."
        span: ${span('guardian', 'Traffic has doubled since then.')}
  - id: critics-late
    claim: Critics called the bridge late.
    verdict: supported
    evidence:
      - source: post
        quote: "Critics called it late."
        span: ${span('post', 'Critics called it late.')}
`;
  const split = () => {
    const root = workspace();
    writeFileSync(path.join(root, 'claims.yaml'), CLAIMS.replace('version: 1\n', 'version: 1\ninclude:\n  - claims/*.yaml\n'));
    mkdirSync(path.join(root, 'claims'));
    writeFileSync(path.join(root, 'claims', 'extra.yaml'), EXTRA);
    return root;
  };

  it('merges 3 shards to the whole check, byte for byte', async () => {
    const root = split();
    const whole = await factcheck(['check', '--format', 'json'], root);
    expect(JSON.parse(whole.stdout).claims.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['traffic-doubled', 'critics-late']));
    const files = await runShards(root, 3);
    const merged = await factcheck(['merge', ...files, '--format', 'json'], root);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(whole.status);
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('refuses shards taken before an included file changed', async () => {
    const root = split();
    const files = await runShards(root, 2);
    writeFileSync(path.join(root, 'claims', 'extra.yaml'), EXTRA.replace('Critics called the bridge late.', 'Critics said the bridge was late.'));
    const merged = await factcheck(['merge', ...files], root);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toMatch(/results-2-1\.json: shard 1\/2 was checked against another claims\.yaml \(or other included claims files/);
    expect(merged.stdout).toBe('');
  });
});

describe('merge refuses results that do not fit together', () => {
  const root = workspace();
  const run = (args: string[], cwd = root) => factcheck(['merge', ...args], cwd);
  const expectRefused = (result: { status: number; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  };

  it('a file that is not JSON, or not a shard, or not there', async () => {
    const [one, two] = await runShards(root, 2);
    writeFileSync(path.join(root, 'notes.json'), '{\n  "shard": 1,\n  oops\n}\n');
    expectRefused(await run([one!, 'notes.json']), /^merge: notes\.json:3:3: not JSON \(.*\): give the files that `factcheck check --shard i\/n --format json --out FILE` wrote/m);
    writeFileSync(path.join(root, 'broken.yaml'), 'version: 1\nsources: {}\nclaims: [{id: x}]\n');
    const failed = await factcheck(['check', '--shard', '1/2', '--claims', 'broken.yaml', '--format', 'json'], root);
    expect(failed.status).toBe(2);
    writeFileSync(path.join(root, 'failed.json'), failed.stdout);
    expectRefused(await run([one!, 'failed.json']), /failed\.json: the output of a check that could not run \(its configuration errors are under "errors"\): fix them, then run that shard again/);
    writeFileSync(path.join(root, 'whole.json'), (await factcheck(['check', '--format', 'json'], root)).stdout);
    expectRefused(await run(['whole.json', two!]), /whole\.json: the output of a check without --shard/);
    writeFileSync(path.join(root, 'list.json'), '[1, 2]');
    expectRefused(await run(['list.json']), /list\.json: not the JSON output of a shard/);
    const damaged = JSON.parse(readFileSync(path.join(root, two!), 'utf8'));
    damaged.shard.evidence[0].status = 'fine';
    writeFileSync(path.join(root, 'damaged.json'), JSON.stringify(damaged));
    expectRefused(await run([one!, 'damaged.json']), /damaged\.json: its "shard" key is damaged \(evidence\[0\] is not an evidence result\)/);
    damaged.shard.evidence[0].status = 'verified';
    damaged.shard.evidence[0].found = [9, 'x'];
    writeFileSync(path.join(root, 'damaged.json'), JSON.stringify(damaged));
    expectRefused(await run([one!, 'damaged.json']), /damaged\.json: its "shard" key is damaged \(evidence\[0\] is not an evidence result\)/);
    expectRefused(await run([one!, 'results-*.json']), /results-\*\.json: no such file/);
    expectRefused(await run([]), /merge: no results files given/);
  });

  it('a shard missing, given twice, or split another way', async () => {
    const three = await runShards(root, 3);
    const two = await runShards(root, 2);
    expectRefused(await run([three[0]!, three[2]!]), /^merge: shard 2\/3 is missing: none of the files given holds it; run `factcheck check --shard 2\/3 --format json --out FILE`/m);
    expectRefused(await run([...three, three[1]!]), /results-3-2\.json: given twice/);
    writeFileSync(path.join(root, 'copy.json'), readFileSync(path.join(root, three[1]!)));
    expectRefused(await run([...three, 'copy.json']), /copy\.json: shard 2\/3 is given twice \(results-3-2\.json is the same shard\)/);
    expectRefused(await run([three[0]!, two[1]!, three[2]!]), /results-2-2\.json: shard 2\/2, but results-3-1\.json is shard 1\/3: the shards must all split the work the same way/);
  });

  it('shards of another claims.yaml, or of a source that changed since', async () => {
    const own = workspace();
    const files = await runShards(own, 2);
    writeFileSync(path.join(own, 'claims.yaml'), CLAIMS.replace('The bridge opened in 2019.\n', 'The bridge opened in 2019 at last.\n'));
    expectRefused(await run(files, own), /results-2-1\.json: shard 1\/2 was checked against another claims\.yaml .*run every shard and merge on the same claims files and sources/);
    writeFileSync(path.join(own, 'claims.yaml'), CLAIMS);
    writeFileSync(path.join(own, 'seeds/post.txt'), `${SOURCES.post} A new line.\n`);
    expectRefused(await run(files, own), /results-2-2\.json: source "post" \(seeds\/post\.txt\) changed since shard 2\/2 checked it: run every shard again/);
  });

  it('merge --help prints its usage; factcheck --help lists merge', async () => {
    const help = await factcheck(['merge', '--help'], root);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: factcheck merge \[--claims PATH\].* \[--report DIR\] \[--no-cache\] FILE\.\.\.\n/);
    expect((await factcheck(['--help'], root)).stdout).toMatch(/\n {2}merge {4}join the JSON results of check --shard i\/n into the whole result\n/);
    const unknown = await factcheck(['merge', '--shard', '1/2', 'x.json'], root);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^merge: unknown flag '--shard'/);
  });

  it('a shard whose quotes were taken out, or added from another shard', async () => {
    const files = await runShards(root, 2);
    const [one, two] = files.map((file) => JSON.parse(readFileSync(path.join(root, file), 'utf8')));
    const lost = one.shard.evidence.findIndex((e: { claimId: string }) => e.claimId === 'bridge-opened');
    const [taken] = one.shard.evidence.splice(lost, 1);
    writeFileSync(path.join(root, 'short.json'), JSON.stringify(one));
    expectRefused(await run(['short.json', files[1]!]), /^merge: short\.json: claim "bridge-opened", quote 0 \(source "guardian"\) has no result: run shard 1\/2 again$/m);
    two.shard.evidence.push(taken);
    writeFileSync(path.join(root, 'long.json'), JSON.stringify(two));
    expectRefused(await run([files[0]!, 'long.json']), /long\.json: evidence\[\d+\] \(claim "bridge-opened", quote 0\) is not evidence of shard 2\/2 in claims\.yaml: run that shard again/);
  });

  it('a bad --shard, and --shard on report, are usage errors', async () => {
    for (const spec of ['0/3', '4/3', '1/0', 'a/b', '3', '']) {
      const result = await factcheck(['check', '--shard', spec], root);
      expect(result.status, spec).toBe(2);
      expect(result.stderr, spec).toMatch(/^check: --shard .*give it as i\/n, the shard i of n, with 1 ≤ i ≤ n \(such as --shard 2\/4\)/);
    }
    const report = await factcheck(['report', '--shard', '1/2'], root);
    expect(report.status).toBe(2);
    expect(report.stderr).toContain('report: --shard is for check');
  });
});
