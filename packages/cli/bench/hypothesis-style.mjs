// A matcher in the style of annotation tools (Hypothesis and the like), for comparison only: an
// exact search first, then approx-string-match (Myers' algorithm over the whole text) with up to
// half the quote's length in errors, the best match chosen by fewest errors, then nearest to the
// old position. No normalization, no word boundaries, no ambiguity check: it always answers.
import search from 'approx-string-match';

/** The quote's place in `text` as [start, end) UTF-16 offsets, with its error count; null when nothing matches. */
export function hypothesisStyleMatch(text, quote, hint = 0) {
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length, errors: 0 };
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const matches = search(text, quote, maxErrors);
  let best = null;
  for (const m of matches) {
    if (!best || m.errors < best.errors || (m.errors === best.errors && Math.abs(m.start - hint) < Math.abs(best.start - hint))) best = m;
  }
  return best;
}

// Run as a process: node hypothesis-style.mjs DIR, where DIR holds claims.yaml and its sources.
// Reads and parses claims.yaml, reads each source once, and matches every quote; prints a count.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { parse } = await import('yaml');
  const dir = process.argv[2];
  const claims = parse(readFileSync(path.join(dir, 'claims.yaml'), 'utf8'));
  const texts = new Map();
  let found = 0;
  let total = 0;
  for (const claim of claims.claims) {
    for (const evidence of claim.evidence) {
      const decl = claims.sources[evidence.source];
      let text = texts.get(evidence.source);
      if (text === undefined) texts.set(evidence.source, (text = readFileSync(path.join(dir, decl.path), 'utf8')));
      total++;
      if (hypothesisStyleMatch(text, evidence.quote, evidence.span?.[0] ?? 0)) found++;
    }
  }
  console.log(JSON.stringify({ total, found }));
}
