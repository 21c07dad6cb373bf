#!/usr/bin/env node
// Benchmark of the HTML report at scale: a generated workspace (in memory, deterministic) of
// 10,000 sources and 100,000 claims. Times computeCoverage and writeHtmlReport separately, each
// with a baseline measured in the same run (so the ratios hold on a busy machine), and prints the
// size of index.html, of claims.js (the claims table's rows) and of the whole report.
//   Goal: coverage + report in at most 10 s, index.html at most 5 MB.
//   Usage: node bench/report.bench.mjs [--sources N] [--claims N] [--keep]
import { mkdtemp, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readExcludePattern, SourceText } from '@factcheck/core';
import { computeCoverage } from '@factcheck/coverage';
import { renderIndexHtml, renderSourceHtml, writeHtmlReport } from '../dist/index.js';
import { prng as random } from '@factcheck/test-fixtures';

/** Every source's boilerplate patterns, read as the loader reads them from claims.yaml. */
const EXCLUDE = ['top of page', '/^Image source.*$/m'].map((text) => readExcludePattern(text).value);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const SOURCES = option('sources', 10_000);
const CLAIMS = option('claims', 100_000);
const KEEP = args.includes('--keep');
const GOAL_SECONDS = 10;
const GOAL_INDEX_BYTES = 5 * 1024 * 1024;

const rand = random(20261122);
const pick = (list) => list[Math.floor(rand() * list.length)];
const WORDS = (
  'the parliament account government minister data security company app users report said according ' +
  'officials concerns china british ban phones devices week closed launched content deleted senior members ' +
  'peers letter assurances spokesperson policy employees access sensitive information platform video social ' +
  'media statement request internal executives entity relations public influence guidelines community'
).split(' ');
const PLACE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function sentence() {
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => pick(WORDS));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  if (rand() < 0.1) words.splice(3, 0, `“${pick(WORDS)} ${pick(WORDS)}”`);
  return `${words.join(' ')}.`;
}

function sourceText(i) {
  const lines = ['top of page', '', `Headline ${i}: ${sentence().slice(0, -1)}`, ''];
  const paragraphs = 6 + Math.floor(rand() * 6);
  for (let p = 0; p < paragraphs; p++) {
    lines.push(Array.from({ length: 1 + Math.floor(rand() * 3) }, sentence).join(' '), '');
    if (rand() < 0.15) lines.push('Image source, Getty Images', '');
  }
  return lines.join('\n');
}

function generate() {
  const sources = new Map();
  const decls = new Map();
  for (let i = 0; i < SOURCES; i++) {
    const id = `source-${String(i).padStart(5, '0')}`;
    const decl = {
      id,
      path: `seeds/${id}.txt`,
      title: `Article ${i}: ${sentence().slice(0, 60)}`,
      publisher: pick(['BBC', 'The Guardian', 'Reuters', 'Bloomberg', 'Example Wire']),
      url: `https://news.example.org/${id}`,
      exclude: EXCLUDE,
      place: PLACE,
      pathPlace: PLACE,
    };
    decls.set(id, decl);
    sources.set(id, { decl, text: new SourceText(sourceText(i)) });
  }
  const ids = [...decls.keys()];
  const claims = [];
  const results = [];
  for (let c = 0; c < CLAIMS; c++) {
    const id = `claim-${String(c).padStart(6, '0')}`;
    const evidenceCount = rand() < 0.2 ? 2 : 1;
    const evidence = [];
    const evidenceResults = [];
    for (let k = 0; k < evidenceCount; k++) {
      const sourceId = k === 0 ? ids[c % ids.length] : pick(ids);
      const text = sources.get(sourceId).text;
      const t = text.text;
      // A quote: a stretch of 30 to 120 characters starting at a word.
      let start = Math.floor(rand() * Math.max(1, t.length - 130));
      while (start > 0 && t[start - 1] !== ' ') start--;
      const end = Math.min(t.length, start + 30 + Math.floor(rand() * 90));
      const span = text.codePointSpan(start, end);
      const quote = t.slice(start, end);
      evidence.push({ source: sourceId, quote, span, place: PLACE, quotePlace: PLACE });
      const roll = rand();
      const base = { claimId: id, index: k, source: sourceId, quote, span, pinned: true };
      if (roll < 0.95) evidenceResults.push({ ...base, status: 'verified', found: span, score: 1, distance: 0, kind: 'exact' });
      else if (roll < 0.97) evidenceResults.push({ ...base, status: 'moved', found: [span[0] + 3, span[1] + 3], score: 1, distance: 3, kind: 'exact' });
      else if (roll < 0.98) evidenceResults.push({ ...base, status: 'changed', found: span, score: 0.9, kind: 'fuzzy', actual: quote.toUpperCase(), diff: [{ op: 'delete', text: quote }, { op: 'insert', text: quote.toUpperCase() }] });
      else if (roll < 0.99) evidenceResults.push({ ...base, status: 'missing' });
      else evidenceResults.push({ ...base, status: 'ambiguous', candidates: [{ span, score: 0.9, text: quote }, { span, score: 0.9, text: quote }] });
    }
    claims.push({ id, claim: `Claim ${c}: ${sentence()}`, verdict: 'supported', evidence, conflicts: [], place: PLACE, idPlace: PLACE, claimPlace: PLACE });
    results.push({ id, verdict: 'supported', status: evidenceResults.every((e) => e.status === 'verified') ? 'passed' : 'failed', evidence: evidenceResults });
  }
  const contradictions = [];
  for (let i = 0; i + 1 < results.length && contradictions.length < 500; i += 199) {
    contradictions.push({ claims: [results[i].id, results[i + 1].id], kind: 'negation', severity: i % 2 ? 'warning' : 'error', reason: 'One says the account closed, the other that it stayed open.' });
    if (i % 2 === 0) {
      results[i].status = 'failed';
      results[i + 1].status = 'failed';
    }
  }
  const workspace = {
    version: 1,
    claimsPath: 'claims.yaml',
    root: '.',
    displayPath: 'claims.yaml',
    sources: decls,
    claims,
    properties: new Map(),
    entities: new Map(),
    coverage: { sentences: 50 },
    anchor: { minScore: 0.75, margin: 0.05, ignoreCase: false },
  };
  return { workspace, sources, results, contradictions };
}

async function directorySize(dir) {
  let total = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = await directorySize(full);
      total += sub.total;
      files += sub.files;
    } else {
      total += (await stat(full)).size;
      files++;
    }
  }
  return { total, files };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const t0 = performance.now();
const { workspace, sources, results, contradictions } = generate();
const textBytes = [...sources.values()].reduce((n, s) => n + s.text.text.length, 0);
console.log(`generated ${SOURCES} sources (${mb(textBytes)} of text) and ${CLAIMS} claims in ${seconds(performance.now() - t0)}`);

// Baseline for coverage: one Intl.Segmenter pass over every text, the least any sentence split costs.
let t = performance.now();
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
let segments = 0;
for (const s of sources.values()) for (const _ of segmenter.segment(s.text.text)) segments++;
const segmentMs = performance.now() - t;

t = performance.now();
const passed = results.filter((r) => r.status === 'passed').length;
const coverage = computeCoverage({ workspace, sources, evidence: results.flatMap((r) => r.evidence) });
const coverageMs = performance.now() - t;

const result = {
  workspace,
  sources,
  claims: results,
  contradictions,
  coverage,
  messages: coverage.messages,
  summary: { passed, failed: results.length - passed },
};

// Rendering alone (no file written): what the report costs apart from the disk.
t = performance.now();
const fresh = { ...result }; // a new object: the renderers' index of the result is built again, as in writeHtmlReport
let renderedBytes = renderIndexHtml(fresh, { now: new Date('2026-11-22T00:00:00Z') }).length;
for (const id of sources.keys()) renderedBytes += renderSourceHtml(result, id, { now: new Date('2026-11-22T00:00:00Z') }).length;
const renderMs = performance.now() - t;

const outRoot = await mkdtemp(path.join(tmpdir(), 'fc-report-bench-'));
const reportDir = path.join(outRoot, 'report');
t = performance.now();
const { files } = await writeHtmlReport(result, reportDir, { now: new Date('2026-11-22T00:00:00Z') });
const reportMs = performance.now() - t;
const index = (await stat(path.join(reportDir, 'index.html'))).size;
const claimsData = (await stat(path.join(reportDir, 'claims.js'))).size;
const size = await directorySize(reportDir);

// Baseline for the report: writing the same number of files of the same total size, as is.
const baselineDir = path.join(outRoot, 'baseline');
await mkdir(path.join(baselineDir, 'sources'), { recursive: true });
const chunk = 'x'.repeat(Math.ceil(size.total / size.files));
t = performance.now();
for (let i = 0; i < size.files; i += 16) {
  await Promise.all(Array.from({ length: Math.min(16, size.files - i) }, (_, k) => writeFile(path.join(baselineDir, 'sources', `${i + k}.html`), chunk)));
}
const writeMs = performance.now() - t;

const totalMs = coverageMs + reportMs;
console.log(`sentences: ${coverage.total.sentences} (${segments} segments); sentence coverage ${coverage.total.sentencePct}%, characters ${coverage.total.characterPct}%`);
console.log(`claims: ${result.summary.passed} passed, ${result.summary.failed} failed; ${contradictions.length} contradictions`);
console.log('');
console.log(`computeCoverage     ${seconds(coverageMs).padStart(9)}   (${(coverageMs / segmentMs).toFixed(1)}× a bare Intl.Segmenter pass of ${seconds(segmentMs)})`);
console.log(`writeHtmlReport     ${seconds(reportMs).padStart(9)}   (${(reportMs / writeMs).toFixed(1)}× writing the same ${size.files} files and bytes as is, ${seconds(writeMs)})`);
console.log(`rendering alone     ${seconds(renderMs).padStart(9)}   (every page rendered to a string, nothing written: ${mb(renderedBytes)} of HTML)`);
console.log(`total               ${seconds(totalMs).padStart(9)}   goal ≤ ${GOAL_SECONDS} s: ${totalMs <= GOAL_SECONDS * 1000 ? 'met' : 'MISSED'}`);
console.log(`index.html          ${mb(index).padStart(9)}   goal ≤ ${mb(GOAL_INDEX_BYTES)}: ${index <= GOAL_INDEX_BYTES ? 'met' : 'MISSED'}`);
console.log(`claims.js           ${mb(claimsData).padStart(9)}   (every claim's row for the claims table, with its quotes; loaded by index.html)`);
console.log(`whole report        ${mb(size.total).padStart(9)}   in ${size.files} files (${files.length} written)`);

if (KEEP) console.log(`report kept in ${reportDir}`);
else await rm(outRoot, { recursive: true, force: true });
if (totalMs > GOAL_SECONDS * 1000 || index > GOAL_INDEX_BYTES) process.exitCode = 1;
