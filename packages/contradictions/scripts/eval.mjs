// Measures precision and recall of each text rule on public labelled data kept OUTSIDE the repo
// (../shared/eval next to the repo, or FACTCHECK_EVAL_DIR). Uses the built package, i.e. the very
// code `factcheck check` runs. Prints a table; exits 0 whether or not the data is present.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareTexts, findContradictions } from '../dist/index.js';
import { asClaims, measureSummEdits, readSummEdits } from './summedits.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const evalDir = process.env.FACTCHECK_EVAL_DIR ? resolve(process.env.FACTCHECK_EVAL_DIR) : resolve(repoRoot, '..', 'shared', 'eval');
const breakingPath = join(evalDir, 'breaking-nli', 'dataset.jsonl');
const sickPath = join(evalDir, 'sick', 'SICK.txt');
const summEditsDir = join(evalDir, 'summedits-dev');

if (!existsSync(breakingPath) || !existsSync(sickPath)) {
  process.stdout.write(
    [
      'No evaluation data found; nothing measured.',
      `Expected ${breakingPath}`,
      `     and ${sickPath}`,
      'Put Breaking NLI (dataset.jsonl) and SICK (SICK.txt) there, outside the repository (never commit them),',
      'or point FACTCHECK_EVAL_DIR at the folder that holds breaking-nli/ and sick/.',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

/** One labelled pair: `contradiction` is the gold answer; `recallFor` names the rule kinds it measures. */
function readBreaking() {
  return readFileSync(breakingPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
    .map((row) => ({
      set: 'breaking',
      category: row.category,
      a: row.sentence1,
      b: row.sentence2,
      contradiction: row.gold_label === 'contradiction',
      label: row.gold_label,
    }));
}

function readSick() {
  const [header, ...rows] = readFileSync(sickPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  const col = (name) => {
    const index = columns.indexOf(name);
    if (index === -1) throw new Error(`SICK.txt has no column ${name}; columns: ${columns.join(', ')}`);
    return index;
  };
  const [ia, ib, il] = [col('sentence_A'), col('sentence_B'), col('entailment_label')];
  return rows.map((line) => {
    const cells = line.split('\t');
    return { set: 'sick', category: cells[il], a: cells[ia], b: cells[ib], contradiction: cells[il] === 'CONTRADICTION', label: cells[il] };
  });
}

// A plain, independent reading of "one sentence is negated and the other is not", used only to pick
// the SICK contradictions that the negation rule is meant to catch (its recall denominator).
const NEGATED = /\b(?:not|no|never|nobody|none|nothing|nowhere|without)\b|n't\b/i;
const onlyOneNegated = (p) => NEGATED.test(p.a) !== NEGATED.test(p.b);

/** Which pairs each kind should find (recall); precision counts every flag on every pair. */
const RECALL_SETS = {
  antonym: { label: 'Breaking NLI antonyms + antonyms_wordnet', test: (p) => p.set === 'breaking' && /^antonyms/.test(p.category) },
  numeric: { label: 'Breaking NLI cardinals + ordinals', test: (p) => p.set === 'breaking' && (p.category === 'cardinals' || p.category === 'ordinals') },
  negation: { label: 'SICK contradictions with one side negated', test: (p) => p.set === 'sick' && onlyOneNegated(p) },
  date: { label: 'none in this data', test: () => false },
  entity: { label: 'Breaking NLI countries', test: (p) => p.set === 'breaking' && p.category === 'countries' },
};

// FACTCHECK_EVAL_OPTIONS='{"minSharedWords":1}' measures other settings of compareTexts.
const options = process.env.FACTCHECK_EVAL_OPTIONS ? JSON.parse(process.env.FACTCHECK_EVAL_OPTIONS) : {};
const pairs = [...readBreaking(), ...readSick()];
// FACTCHECK_FIND_OPTIONS='{"paraphrase":false}' measures other settings of findContradictions (claim against quote).
const findOptions = process.env.FACTCHECK_FIND_OPTIONS ? JSON.parse(process.env.FACTCHECK_FIND_OPTIONS) : {};
const started = performance.now();
const stats = Object.fromEntries(Object.keys(RECALL_SETS).map((kind) => [kind, { flagged: 0, tp: 0, fp: 0, found: 0, positives: 0, synonyms: 0 }]));
const byCategory = new Map(); // recall per Breaking NLI category, any kind
let synonymsFlagged = 0;
let synonyms = 0;
let sickNonContradictions = 0;
let sickNonContradictionsFlagged = 0;
const falsePositives = [];
for (const pair of pairs) {
  const conflict = compareTexts(pair.a, pair.b, options);
  for (const [kind, recallSet] of Object.entries(RECALL_SETS)) {
    if (recallSet.test(pair) && pair.contradiction) {
      stats[kind].positives++;
      if (conflict?.kind === kind) stats[kind].found++;
    }
  }
  if (pair.set === 'breaking' && pair.contradiction && /^(antonyms|antonyms_wordnet|cardinals|ordinals)$/.test(pair.category)) {
    const c = byCategory.get(pair.category) ?? { found: 0, total: 0 };
    c.total++;
    if (conflict) c.found++;
    byCategory.set(pair.category, c);
  }
  if (pair.set === 'breaking' && pair.category === 'synonyms') {
    synonyms++;
    if (conflict) {
      synonymsFlagged++;
      stats[conflict.kind].synonyms++;
    }
  }
  if (pair.set === 'sick' && !pair.contradiction) {
    sickNonContradictions++;
    if (conflict) sickNonContradictionsFlagged++;
  }
  if (!conflict) continue;
  const s = stats[conflict.kind];
  s.flagged++;
  if (pair.contradiction) s.tp++;
  else {
    s.fp++;
    falsePositives.push({ kind: conflict.kind, pair });
  }
}
const seconds = (performance.now() - started) / 1000;

const pct = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const rows = Object.entries(stats).map(([kind, s]) => [
  kind,
  String(s.flagged),
  String(s.tp),
  String(s.fp),
  pct(s.flagged === 0 ? NaN : s.tp / s.flagged),
  pct(s.positives === 0 ? NaN : s.found / s.positives),
  `${s.synonyms}/${synonyms}`,
  `${s.found}/${s.positives} ${RECALL_SETS[kind].label}`,
]);
const head = ['kind', 'flagged', 'true+', 'false+', 'precision', 'recall', 'synonyms', 'recall over'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');

const out = [];
if (Object.keys(options).length > 0) out.push(`Options: ${JSON.stringify(options)}`);
out.push(`Contradiction rules on ${relative(process.cwd(), evalDir) || '.'}: ${pairs.length} pairs (Breaking NLI and SICK), ${seconds.toFixed(1)} s`);
out.push(line(head));
for (const row of rows) out.push(line(row));
out.push(
  `Recall by Breaking NLI category (any kind): ${[...byCategory].map(([name, c]) => `${name} ${(c.found / c.total).toFixed(3)} (${c.found}/${c.total})`).join(', ')}`,
);
out.push(`Breaking NLI synonyms flagged: ${synonymsFlagged}/${synonyms} (${((100 * synonymsFlagged) / synonyms).toFixed(2)}%, goal <= 1%)`);
out.push(`SICK ENTAILMENT + NEUTRAL flagged: ${sickNonContradictionsFlagged}/${sickNonContradictions} (${((100 * sickNonContradictionsFlagged) / sickNonContradictions).toFixed(2)}%)`);
const missed = Object.entries(stats).filter(([, s]) => s.flagged > 0 && s.tp / s.flagged < 0.9).map(([k]) => k);
out.push(missed.length === 0 ? 'Precision goal (>= 0.9 for every kind that flags): met' : `Precision goal (>= 0.9) missed for: ${missed.join(', ')}`);
if (process.argv.includes('--show-false-positives')) {
  for (const { kind, pair } of falsePositives) out.push(`  ${kind} [${pair.set} ${pair.category} ${pair.label}] ${pair.a} || ${pair.b}`);
}

// The same pairs as a claim (sentence A) against its own quote (sentence B): the rules that compare a
// claim with its evidence (strict and paraphrase) on the data where every difference is known.
{
  const started = performance.now();
  const perKind = {};
  let synonymsFlaggedAsQuote = 0;
  let sickFlaggedAsQuote = 0;
  for (const pair of pairs) {
    const [claim] = asClaims([{ claim: pair.a, quotes: [pair.b] }]);
    const found = findContradictions({ claims: [claim], properties: new Map(), entities: new Map() }, findOptions);
    for (const f of found) {
      const s = (perKind[f.kind] ??= { flagged: 0, tp: 0, fp: 0, synonyms: 0 });
      s.flagged++;
      if (pair.contradiction) s.tp++;
      else s.fp++;
      if (pair.set === 'breaking' && pair.category === 'synonyms') s.synonyms++;
    }
    const contradiction = found.some((f) => f.kind !== 'unsupported');
    if (contradiction && pair.set === 'breaking' && pair.category === 'synonyms') synonymsFlaggedAsQuote++;
    if (contradiction && pair.set === 'sick' && !pair.contradiction) sickFlaggedAsQuote++;
  }
  out.push('', `The same pairs as claim (A) against its own quote (B), every rule of findContradictions, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const head = ['kind', 'flagged', 'true+', 'false+', 'precision', 'synonyms'];
  const body = Object.entries(perKind).map(([kind, s]) => [kind, String(s.flagged), String(s.tp), String(s.fp), pct(s.tp / s.flagged), `${s.synonyms}/${synonyms}`]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  out.push(head.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd());
  for (const r of body) out.push(r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd());
  out.push(`Breaking NLI synonyms flagged (contradiction kinds): ${synonymsFlaggedAsQuote}/${synonyms} (${((100 * synonymsFlaggedAsQuote) / synonyms).toFixed(2)}%, goal <= 1%); SICK ENTAILMENT + NEUTRAL flagged: ${sickFlaggedAsQuote}/${sickNonContradictions}`);
  out.push('(unsupported counts a detail of A that B does not mention; most such pairs are neutral, not contradictions, so its precision here is not its goal)');
}

// SummEdits-dev: each summary against the document sentences that best back it (see summedits.mjs).
const summEdits = readSummEdits(summEditsDir);
if (!summEdits) out.push('', `SummEdits-dev: no data at ${summEditsDir}; not measured.`);
else {
  const m = measureSummEdits(summEdits, findContradictions, findOptions);
  const ratio = (x, y) => (y === 0 ? 'n/a' : (x / y).toFixed(3));
  const render = (title, rows) => {
    const head = ['group', 'items', 'inconsistent', 'flagged', 'true+', 'false+', 'precision', 'recall', 'false-flag rate'];
    const body = [...rows].map(([name, r]) => {
      const edit = name.startsWith('edit ');
      return [
        name,
        String(r.items),
        String(r.inconsistent),
        String(r.tp + r.fp),
        String(r.tp),
        edit ? '-' : String(r.fp),
        edit ? '-' : ratio(r.tp, r.tp + r.fp),
        ratio(r.tp, r.inconsistent),
        edit ? '-' : ratio(r.fp, r.consistent),
      ];
    });
    const order = (name) => (name === 'all' ? 0 : name.startsWith('domain') ? 1 : 2);
    body.sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]));
    const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    out.push(title, head.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd());
    for (const r of body) out.push(r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd());
  };
  out.push('');
  if (Object.keys(findOptions).length > 0) out.push(`Options: ${JSON.stringify(findOptions)}`);
  out.push(`SummEdits-dev: ${summEdits.length} summaries as claims against their own evidence, ${m.seconds.toFixed(1)} s; contradiction flags by kind: ${JSON.stringify(m.byKind)}`);
  render('Contradiction kinds together (numeric, date, negation, antonym, entity):', m.contradictions);
  out.push('');
  render('Unsupported detail (warning), apart:', m.unsupported);
  const all = m.contradictions.get('all');
  const un = m.unsupported.get('all');
  out.push(
    `Goals: contradictions precision ${ratio(all.tp, all.tp + all.fp)} (>= 0.9), recall ${ratio(all.tp, all.inconsistent)} (>= 0.25); unsupported precision ${ratio(un.tp, un.tp + un.fp)} (>= 0.9)`,
  );
  if (process.argv.includes('--show-summedits')) {
    for (const [i, f] of m.contradiction) out.push(`  ${summEdits[i].consistent ? 'FALSE' : 'true '} ${f.kind} ${summEdits[i].domain}: ${f.reason}`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
