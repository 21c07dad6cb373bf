import { ID_PATTERN } from '@factcheck/core';

const ID = new RegExp(ID_PATTERN);

/** Words that say little on their own: left out of derived ids so that the id names the fact. */
const STOP_WORDS = new Set(
  'a an and are as at be been being but by for from had has have he her his if in into is it its of on or our she so than that the their them then there these they this those to was we were what when where which while who whom will with would'.split(
    ' ',
  ),
);

/** Most words kept in a derived id, and its longest length. */
export const ID_MAX_WORDS = 6;
export const ID_MAX_LENGTH = 48;

export function isValidClaimId(id: string): boolean {
  return ID.test(id);
}

/** Lower-case ASCII words of a text: accents folded away, everything else a separator. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A readable kebab-case id for a claim: its first few content words (at most ID_MAX_WORDS, and
 * ID_MAX_LENGTH characters, cut at a word), made unique among `taken` with -2, -3, …
 * A text without any letter or digit gets `claim`.
 */
export function deriveClaimId(text: string, taken: ReadonlySet<string>): string {
  const all = wordsOf(text);
  const content = all.filter((w) => !STOP_WORDS.has(w));
  const words = (content.length ? content : all).slice(0, ID_MAX_WORDS);
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > ID_MAX_LENGTH) break;
    base = next;
  }
  if (!base) base = (words[0] ?? 'claim').slice(0, ID_MAX_LENGTH);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, ID_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
