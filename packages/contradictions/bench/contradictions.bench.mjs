// Benchmark: findContradictions on 10k and 100k synthetic claims (deterministic), with the growth
// exponent log(t100k / t10k) / log(10): 1 is linear, 2 quadratic. Uses the built package.
import { findContradictions } from '../dist/index.js';
import { prng } from '@factcheck/test-fixtures';


const SYLLABLES = 'ka lo mi re su ta ven dor bel pra sti mon gal fer nut zo qui har lem pos'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const VERBS = [
  ['opened', 'closed'],
  ['approved', 'rejected'],
  ['increased', 'decreased'],
  ['banned', 'allowed'],
  ['accepted', 'refused'],
];
const UNITS = ['users', 'people', 'devices', 'accounts', 'employees', 'downloads'];
const COMPARATORS = ['more than', 'fewer than', 'about', 'at least', 'nearly', 'up to', ''];

/** Builds `count` claims: shared subjects and properties, texts with numbers, dates, negations and antonyms. */
function generate(count, seed) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Zipf-like word choice: a few words are common, most are rare, as in real text.
  const letters = (n) => (n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26)));
  const vocabulary = Array.from({ length: Math.max(500, count / 4) }, (_, i) => `${pick(SYLLABLES)}${pick(SYLLABLES)}${letters(i)}`);
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)];
  const subjects = Array.from({ length: Math.max(20, count / 40) }, (_, i) => `org-${i}`);
  const properties = new Map(
    ['headquarters', 'chief-executive', 'user-count', 'founded', 'owner', 'status'].map((id, i) => [
      id,
      { id, singleValued: i < 5, place: PLACE },
    ]),
  );
  const entities = new Map(subjects.slice(0, 200).map((id, i) => [id, { id, name: `Org ${i}`, aliases: [`Org ${i} Ltd`], place: PLACE }]));
  const claims = [];
  const texts = [];
  for (let i = 0; i < count; i++) {
    const subject = pick(subjects);
    const [yes, no] = pick(VERBS);
    const kind = random();
    let text;
    if (texts.length > 0 && kind < 0.15) {
      // A variant of an earlier claim: negated, an antonym swapped, a number or a year changed.
      const base = pick(texts);
      const variant = random();
      if (variant < 0.25) text = base.includes(' has never ') ? base.replace(' has never ', ' has ') : base.replace(' has ', ' has never ');
      else if (variant < 0.5) text = VERBS.reduce((t, [a, b]) => t.replace(` ${a} `, ` ${b} `), base);
      else if (variant < 0.75) text = base.replace(/\d+ million/, `${1 + Math.floor(random() * 900)} million`);
      else text = base.replace(/20\d\d/, String(2015 + Math.floor(random() * 10)));
    } else if (kind < 0.4) text = `${subject} has ${pick(COMPARATORS)} ${1 + Math.floor(random() * 900)} million ${pick(UNITS)} in ${word()}`;
    else if (kind < 0.6) text = `${subject} ${random() < 0.5 ? yes : no} the ${word()} ${word()} in ${pick(MONTHS)} ${2015 + Math.floor(random() * 10)}`;
    else if (kind < 0.8) text = `${subject} has ${random() < 0.5 ? 'never ' : ''}shared ${word()} data with the ${word()} ${word()}`;
    else text = `The ${word()} ${word()} ${random() < 0.5 ? yes : no} ${random() < 0.3 ? 'no' : 'the'} ${word()} of ${word()} ${word()}`;
    texts.push(text);
    const claim = {
      id: `claim-${i}`,
      claim: text,
      verdict: random() < 0.8 ? 'supported' : pick(['refuted', 'disputed', 'unverified']),
      evidence: [{ source: `source-${i % 50}`, quote: `${word()} said that ${text.toLowerCase()}, according to ${word()} ${word()}.`, place: PLACE, quotePlace: PLACE }],
      conflicts: [],
      place: PLACE,
      idPlace: PLACE,
      claimPlace: PLACE,
    };
    if (random() < 0.3) {
      const property = pick([...properties.keys()]);
      const year = 2015 + Math.floor(random() * 10);
      claim.fact = {
        subject: random() < 0.1 ? `Org ${subjects.indexOf(subject)} Ltd` : subject,
        property,
        value: property === 'user-count' ? `${1 + Math.floor(random() * 50)} million` : pick(['yes', 'no', 'unknown', `${word()} ${word()}`]),
        ...(random() < 0.5 ? { when: { from: `${year}-01-01`, to: `${year}-12-31`, text: String(year) } } : {}),
        place: PLACE,
      };
    }
    claims.push(claim);
  }
  return { claims, properties, entities };
}

const POSITION = { line: 1, column: 1, offset: 0 };
const PLACE = { start: POSITION, end: POSITION };

/** Median wall time and CPU time (this process) over `runs`, and the findings by kind. */
function time(input, runs, options = {}) {
  const walls = [];
  const cpus = [];
  let findings = [];
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    findings = findContradictions(input, options);
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const kinds = {};
  for (const f of findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  return { ms: median(walls), cpu: median(cpus), findings: findings.length, kinds };
}

// Warm up (JIT, the antonym lexicon) on a small set before measuring.
findContradictions(generate(2000, 7));
const small = generate(10_000, 1);
const large = generate(100_000, 2);
const t10k = time(small, 5);
const t100k = time(large, 3);
const t100kClaimsOnly = time(large, 3, { checkEvidence: false });
// Evidence in other words: each quote restates its claim with one word changed, a number or a name
// written differently, and a clause added, so the paraphrase rules line every claim up with its quote.
function paraphrased(input, seed) {
  const random = prng(seed);
  const claims = input.claims.map((claim) => {
    const words = claim.claim.split(' ');
    const at = 1 + Math.floor(random() * (words.length - 1));
    words[at] = random() < 0.5 ? words[at].toUpperCase() : 'reportedly';
    const quote = `In ${2015 + Math.floor(random() * 10)}, officials at Org ${Math.floor(random() * 200)} said ${words.join(' ')}, adding that ${claim.claim.split(' ').slice(-3).join(' ')} had changed.`;
    return { ...claim, evidence: [{ ...claim.evidence[0], quote }] };
  });
  return { ...input, claims };
}
const evidence20k = paraphrased(generate(20_000, 3), 4);
const t20kParaphrase = time(evidence20k, 3);
const t20kStrict = time(evidence20k, 3, { paraphrase: false });
const exponent = Math.log(t100k.ms / t10k.ms) / Math.log(10);
// CPU time is steadier than wall time on a shared machine.
const cpuExponent = Math.log(t100k.cpu / t10k.cpu) / Math.log(10);
const show = (t) => `${t.ms.toFixed(0).padStart(6)} ms wall, ${t.cpu.toFixed(0).padStart(6)} ms CPU, ${t.findings} findings ${JSON.stringify(t.kinds)}`;
const lines = [
  'findContradictions on synthetic claims, each with one evidence quote (median of runs)',
  `  10k claims:  ${show(t10k)}`,
  `  100k claims: ${show(t100k)}`,
  `  100k claims, evidence not checked: ${show(t100kClaimsOnly)}`,
  `  growth exponent log(t100k/t10k)/log(10): ${exponent.toFixed(2)} wall, ${cpuExponent.toFixed(2)} CPU (1 = linear)`,
  `  goal 100k <= 2000 ms: ${t100k.ms <= 2000 ? 'met' : 'missed'} wall, ${t100k.cpu <= 2000 ? 'met' : 'missed'} CPU`,
  `  20k claims, quotes in other words: ${show(t20kParaphrase)}`,
  `  20k claims, quotes in other words, paraphrase rules off: ${show(t20kStrict)}`,
  `  paraphrase rules add ${(t20kParaphrase.ms - t20kStrict.ms).toFixed(0)} ms wall, ${(t20kParaphrase.cpu - t20kStrict.cpu).toFixed(0)} ms CPU at 20k claims (goal <= 1000 ms): ${t20kParaphrase.ms - t20kStrict.ms <= 1000 ? 'met' : 'missed'} wall, ${t20kParaphrase.cpu - t20kStrict.cpu <= 1000 ? 'met' : 'missed'} CPU`,
];
process.stdout.write(`${lines.join('\n')}\n`);
