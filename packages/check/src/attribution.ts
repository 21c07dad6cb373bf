// Attribution: news text often reports what someone said rather than what is so ("she noted that
// …", "according to Bloomberg, …", "…, the company said."). Two rules keep that attribution:
// - quote-cuts-attribution: the quote starts right after a reporting clause of its source, which it
//   leaves out, so the quote reads as a plain statement;
// - attribution-dropped: the quote (or its sentence) attributes the statement to someone, and the
//   claim states it with no attribution of its own.
// Both read plain text with a short list of reporting verbs: they are warnings, tuned for precision.
import { createMessage, type Claim, type EvidenceResult, type LoadedSource, type Message, type Span, type Workspace } from '@factcheck/core';

export const QUOTE_CUTS_ATTRIBUTION_RULE_ID = 'quote-cuts-attribution';
export const ATTRIBUTION_DROPPED_RULE_ID = 'attribution-dropped';

/** Reporting verbs, in the forms a reporting clause uses. */
const VERBS = [
  'said', 'says', 'told', 'tells', 'reported', 'reports', 'understands', 'understood', 'claims', 'claimed',
  'noted', 'notes', 'denied', 'denies', 'insisted', 'insists', 'added', 'adds', 'stated', 'states',
];
const VERB = `(?:${VERBS.join('|')})`;
/** Words before a verb form that make it a noun ("the reports", "following claims") or not a report. */
const NOT_A_SPEAKER = new Set([
  'the', 'these', 'those', 'this', 'that', 'such', 'of', 'after', 'following', 'amid', 'despite', 'in', 'on', 'media', 'news',
  'earlier', 'recent', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'false', 'unfounded', 'similar', 'initial', 'first',
  'as', 'value', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'and', 'or', 'but', 'to', 'which',
  'who', 'united', 'widely', 'previously',
]);
/** Up to four words between a verb and its "that" or colon: an object or a time ("told the BBC", "said on Tuesday"). */
const BETWEEN = `(?:\\s+[\\p{L}\\p{N}'’.-]+){1,4}`;
const OPEN_QUOTE = `["“‘']?`;

/**
 * A word that every reporting clause holds (a reporting verb, or "according"). The patterns below
 * try every position of their text, which is slow on long text: text without such a word is
 * not tried at all (most text before and after a quote has none).
 */
const REPORTING_WORD = new RegExp(`\\b(?:${VERBS.join('|')}|according)\\b`, 'iu');

/** A reporting clause at the very end of the text before a quote, with the word before its verb. */
const LEADING = [
  // "she noted that", "X said:", "X said,", "The BBC understands", "X said"; the speaker may end an
  // appositive ("The health secretary, Mark Obi, said that")
  new RegExp(`(?<pre>[\\p{L}\\p{N}'’.-]+)?,?\\s*(?<clause>\\b${VERB}(?:\\s+that|\\s*[:,])?)\\s*${OPEN_QUOTE}\\s*$`, 'iu'),
  // "told the BBC that", "said in a statement:", "said on Tuesday that"
  new RegExp(`(?<pre>[\\p{L}\\p{N}'’.-]+)?,?\\s*(?<clause>\\b${VERB}${BETWEEN}(?:\\s+that|\\s*:))\\s*${OPEN_QUOTE}\\s*$`, 'iu'),
  // "told reporters,"
  new RegExp(`(?<pre>[\\p{L}\\p{N}'’.-]+)?,?\\s*(?<clause>\\btold(?:\\s+[\\p{L}\\p{N}'’.-]+){1,3}\\s*,)\\s*${OPEN_QUOTE}\\s*$`, 'iu'),
  // "According to Bloomberg,", "according to people familiar with the matter,"
  new RegExp(`(?<clause>\\baccording to(?:\\s+[\\p{L}\\p{N}'’.&-]+){1,8}\\s*,)\\s*${OPEN_QUOTE}\\s*$`, 'iu'),
];

/** A reporting clause at the end of a sentence: ", she said." / ", according to Ofcom." / "said Mr Smith." */
/** What may follow a trailing verb: a time or a setting ("said on Tuesday", "said in a statement"). */
const AFTER_VERB = `(?:\\s+(?:on|in|at|last|yesterday|today|this|earlier|later|late|when|after|before)\\b(?:\\s+[\\p{L}\\p{N}'’.-]+){0,3})?`;
const SUBJECT = `(?:he|she|they|it|we|I|(?:an?|the|its|his|her|their)\\s+[\\p{L}'’.-]+(?:\\s+[\\p{L}'’.-]+){0,4}?|[\\p{Lu}][\\p{L}'’.-]*(?:\\s+[\\p{L}'’.-]+){0,5}?)`;
/** A comma, with a closing quotation mark on either side of it. */
const TRAIL_START = `^\\s*["”’']?\\s*,\\s*["”’']?\\s*`;
const TRAILING = [
  new RegExp(`${TRAIL_START}(?<clause>${SUBJECT}\\s+${VERB}${AFTER_VERB})\\s*[.!?]`, 'u'),
  new RegExp(`${TRAIL_START}(?<clause>${VERB}\\s+(?:the\\s+)?[\\p{Lu}][\\p{L}'’.-]*(?:\\s+[\\p{L}'’.-]+){0,5}?)\\s*[.!?]`, 'u'),
  new RegExp(`${TRAIL_START}(?<clause>according to(?:\\s+[\\p{L}\\p{N}'’.&-]+){1,8})\\s*[.!?]`, 'iu'),
];

const NOUN_FORMS = new Set(['reports', 'claims', 'notes', 'states', 'adds']);

/** Attribution cues a claim may use to keep an attribution. */
const CLAIM_CUE = new RegExp(
  `\\b(?:${[
    // Forms that are also common nouns ("the report", "the claims", "the states") are left out.
    ...VERBS.filter((v) => !NOUN_FORMS.has(v)), 'say', 'tell', 'deny', 'insist',
    'according to', 'reportedly', 'allegedly', 'alleged', 'alleges', 'argued', 'argues', 'warned', 'warns', 'wrote', 'writes',
    'confirmed', 'confirms', 'admitted', 'admits', 'acknowledged', 'acknowledges', 'believes', 'believed',
    'estimated', 'estimates', 'described', 'describes', 'accused', 'accuses', 'maintained', 'maintains', 'asserted', 'asserts',
    'suggested', 'suggests', 'promised', 'pledged', 'cited', 'cites', 'statement', 'spokesperson', 'spokesman', 'spokeswoman',
    'in the words of', 'quoted', 'quotes',
  ].join('|')})\\b`,
  'iu',
);

export interface Attribution {
  /** The reporting clause as the source writes it ("she noted that", "according to Bloomberg,"). */
  clause: string;
  /** Where it stands: before the quote, inside it, or after it in the same sentence. */
  where: 'before' | 'inside' | 'after';
  /** The capitalised words of the speaker, when the clause names one ("Kanter", "Bloomberg"). */
  speaker: string[];
}

/** The sentence-so-far before a quote: back to the last sentence end or line break, at most 160 characters. */
function sentenceBefore(before: string): string {
  const tail = before.slice(-160);
  const ends = [...tail.matchAll(/[.!?]["”’)]?\s+(?=["“‘]?[\p{Lu}\p{N}])|\n/gu)];
  const last = ends.at(-1);
  return last ? tail.slice(last.index + last[0].length) : tail;
}

/** The rest of a sentence after a quote: up to the first sentence end or line break, at most 160 characters. */
function sentenceAfter(after: string): string {
  const head = after.slice(0, 160);
  const end = head.search(/\n/);
  return end >= 0 ? head.slice(0, end) : head;
}

const CAPITALISED = /[\p{Lu}][\p{L}\p{N}'’-]*/gu;
const NOT_A_NAME = new Set(['The', 'A', 'An', 'But', 'And', 'However', 'In', 'On', 'At', 'He', 'She', 'They', 'It', 'We', 'I', 'According', 'Mr', 'Mrs', 'Ms', 'Dr', 'Speaking', 'Yesterday', 'Today', 'Last', 'This', 'That', 'Earlier', 'Later', 'Meanwhile', 'Separately', 'Also']);

function speakerOf(text: string): string[] {
  return (text.match(CAPITALISED) ?? []).filter((w) => !NOT_A_NAME.has(w) && !VERBS.includes(w.toLowerCase()));
}

/** The reporting clause that ends the text before a quote (in the same sentence), if any. */
export function leadingAttribution(before: string): Attribution | undefined {
  const sentence = sentenceBefore(before);
  if (!REPORTING_WORD.test(sentence)) return undefined;
  for (const pattern of LEADING) {
    const m = pattern.exec(sentence);
    if (!m?.groups) continue;
    const pre = m.groups['pre']?.toLowerCase();
    if (pre !== undefined && NOT_A_SPEAKER.has(pre) && !/^according/i.test(m.groups['clause']!)) continue;
    // A verb that opens the sentence reports nothing ("Says who?"); "According to X," may.
    if (pre === undefined && !/^according/i.test(m.groups['clause']!)) continue;
    const clause = m.groups['clause']!.trim();
    const subject = sentence.slice(0, m.index + m[0].indexOf(m.groups['clause']!));
    const speaker = /^according/i.test(clause) ? speakerOf(clause) : speakerOf(subject.split(/[;]/).at(-1) ?? '');
    return { clause: /^according/i.test(clause) ? clause : `${lastWords(subject, 3)}${clause}`.trim(), where: 'before', speaker };
  }
  return undefined;
}

/** The last few words of a text, with a trailing space (the speaker before a verb). */
function lastWords(text: string, n: number): string {
  const parts = text.replace(/,\s*$/, '').split(',');
  const clause = parts.at(-1)?.trim() ? parts.at(-1)! : text;
  const words = clause.trim().split(/\s+/).filter(Boolean);
  // An appositive ("Kearns, chair of the committee,") is left out: the words after its comma are enough.
  const tail = words.slice(-n).join(' ');
  return tail ? `${tail} ` : '';
}

/** A speaker of up to five words and a reporting verb at the start of a quote. */
const OPENING_CLAUSE = new RegExp(`^(?<subject>(?:[\\p{L}\\p{N}'’.-]+\\s+){1,5}?)(?<clause>${VERB}(?:\\s+that|\\s*[:,])?)\\s`, 'u');

/** A reporting clause that opens the quote itself ("TikTok said it …", "According to Ofcom, …"). */
function insideAttribution(quote: string): Attribution | undefined {
  const opening = quote.split(/\s+/).slice(0, 10).join(' ');
  const m = OPENING_CLAUSE.exec(opening);
  if (m?.groups) {
    const subject = m.groups['subject']!.trim();
    const last = subject.split(/\s+/).at(-1)!.toLowerCase();
    if (!NOT_A_SPEAKER.has(last)) return { clause: `${subject} ${m.groups['clause']}`, where: 'inside', speaker: speakerOf(subject) };
  }
  const a = /^(?<clause>according to(?:\s+[\p{L}\p{N}'’.&-]+){1,8}\s*,)/iu.exec(opening);
  if (a?.groups) return { clause: a.groups['clause']!, where: 'inside', speaker: speakerOf(a.groups['clause']!) };
  return undefined;
}

/** A reporting clause that closes the quote's sentence (", she said."), in the quote or after it. */
function trailingAttribution(quote: string, after: string): Attribution | undefined {
  const rest = sentenceAfter(after);
  for (const pattern of REPORTING_WORD.test(rest) ? TRAILING : []) {
    const m = pattern.exec(rest);
    if (m?.groups) return { clause: m.groups['clause']!.trim(), where: 'after', speaker: speakerOf(m.groups['clause']!) };
  }
  // The quote may end with the clause itself: "…, a spokesperson said."
  const comma = quote.lastIndexOf(',');
  if (comma > 0 && REPORTING_WORD.test(quote.slice(comma))) {
    const tail = quote.slice(comma);
    for (const pattern of TRAILING) {
      const m = pattern.exec(/[.!?]\s*$/.test(tail) ? tail : `${tail}.`);
      if (m?.groups && m.index === 0 && m[0].length >= tail.trim().length - 1) return { clause: m.groups['clause']!.trim(), where: 'inside', speaker: speakerOf(m.groups['clause']!) };
    }
  }
  return undefined;
}

/** Whether the claim keeps an attribution: a reporting verb or cue, or the speaker named as one ("Kanter's", "Kanter:"). */
export function claimKeepsAttribution(claim: string, speaker: readonly string[]): boolean {
  if (CLAIM_CUE.test(claim)) return true;
  return speaker.some((name) => new RegExp(`\\b${escapeRegExp(name)}(?:['’]s?\\b|\\s*:)`, 'u').test(claim));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface AttributionFinding {
  /** The reporting clause just before the quote, which the quote leaves out (quote-cuts-attribution). */
  cuts?: Attribution;
  /** The attribution of the quote's statement, which the claim leaves out (attribution-dropped). */
  dropped?: Attribution;
}

/** Both rules on one quote: the source text before it, the quote, the source text after it, and the claim. */
export function analyseAttribution(claim: string, before: string, quote: string, after: string): AttributionFinding {
  const found: AttributionFinding = {};
  const leading = leadingAttribution(before);
  if (leading) found.cuts = leading;
  const attribution = leading ?? insideAttribution(quote) ?? trailingAttribution(quote, after);
  if (attribution && !claimKeepsAttribution(claim, attribution.speaker)) found.dropped = attribution;
  return found;
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'it', 'this', 'that', 'these', 'those', 'there', 'its', 'their', 'some', 'many', 'most', 'all', 'no', 'one', 'two', 'several', 'more', 'less', 'fewer']);

/** The claim with the attribution kept, as a suggestion. */
export function suggestWording(claim: string, attribution: Attribution): string {
  const body = claim.trim();
  const first = body.split(/\s+/)[0] ?? '';
  const lowered = FUNCTION_WORDS.has(first.toLowerCase()) ? body.charAt(0).toLowerCase() + body.slice(1) : body;
  if (attribution.where === 'after') return `${body.replace(/[.!?]+$/, '')}, ${attribution.clause}.`;
  let clause = attribution.clause.replace(/[:,]$/, '').trim();
  if (/^according/i.test(clause)) return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}, ${lowered}`;
  if (!/\bthat$/i.test(clause) && !/\btold\b/i.test(clause)) clause = `${clause} that`;
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)} ${lowered}`;
}

const WINDOW = 200;

/** The warnings of both rules for every quote that stands in its source. */
export function attributionMessages(workspace: Workspace, sources: ReadonlyMap<string, LoadedSource>, evidenceByClaim: ReadonlyMap<string, EvidenceResult[]>): Message[] {
  const messages: Message[] = [];
  for (const claim of workspace.claims) {
    // Two quotes of a claim with the same attribution give one message of each rule.
    const seen = new Set<string>();
    for (const result of evidenceByClaim.get(claim.id) ?? []) {
      if (result.status !== 'verified' && result.status !== 'moved') continue;
      const span = result.found ?? result.span;
      const source = sources.get(result.source);
      if (!span || !source) continue;
      for (const m of quoteMessages(claim, result, source, span)) {
        const key = `${m.ruleId}\0${m.reason}`;
        if (m.ruleId === ATTRIBUTION_DROPPED_RULE_ID && seen.has(key)) continue;
        seen.add(key);
        messages.push(m);
      }
    }
  }
  return messages;
}

function quoteMessages(claim: Claim, result: EvidenceResult, source: LoadedSource, span: Span): Message[] {
  const { text } = source;
  const before = text.slice([Math.max(0, span[0] - WINDOW), span[0]]);
  const after = text.slice([span[1], Math.min(text.length, span[1] + WINDOW)]);
  const found = analyseAttribution(claim.claim, before, result.quote, after);
  const evidence = claim.evidence[result.index];
  const place = evidence?.quotePlace ?? claim.idPlace;
  const at = `${source.decl.path}`;
  const out: Message[] = [];
  if (found.cuts) {
    out.push(
      createMessage({
        ruleId: QUOTE_CUTS_ATTRIBUTION_RULE_ID,
        severity: 'warning',
        reason: `the quote leaves out its attribution: ${at} says "${found.cuts.clause}" just before it`,
        file: claim.file,
        place,
        claimId: claim.id,
        note: `Start the quote at the reporting clause ("${found.cuts.clause} ${result.quote.slice(0, 30)}…"), so that it shows who says so.`,
      }),
    );
  }
  // Only a supported claim says its evidence states it with the same attribution: a disputed or
  // unverified claim states the proposition on purpose, and evidence against a claim need not share it.
  if (found.dropped && claim.verdict === 'supported' && result.stance === 'for') {
    const where = found.dropped.where === 'before' ? 'before the quote' : found.dropped.where === 'after' ? 'after the quote' : 'in the quote';
    out.push(
      createMessage({
        ruleId: ATTRIBUTION_DROPPED_RULE_ID,
        severity: 'warning',
        reason: `the claim states as fact what ${at} attributes: the source says "${found.dropped.clause}" ${where}`,
        file: claim.file,
        place: claim.claimPlace,
        claimId: claim.id,
        note: `Keep the attribution in the claim, e.g. "${suggestWording(claim.claim, found.dropped)}"`,
      }),
    );
  }
  return out;
}
