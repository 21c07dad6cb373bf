/** Percent-encodes a text directive term; `-`, `,` and `&` have meanings in the directive. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const WORDS_AT_EACH_END = 4;
const MAX_WHOLE_WORDS = 8;

/**
 * A link to `url` that asks the browser to scroll to and highlight `quote` (a URL text fragment,
 * `#:~:text=start,end`). Short quotes are given whole; long ones by their first and last words.
 * `url` must already be a safe http(s) URL; its own fragment is replaced.
 */
export function textFragmentUrl(url: string, quote: string): string {
  const base = url.split('#')[0]!;
  const words = quote.trim().split(/\s+/u).filter(Boolean);
  if (!words.length) return base;
  const directive =
    words.length <= MAX_WHOLE_WORDS
      ? encodeTerm(words.join(' '))
      : `${encodeTerm(words.slice(0, WORDS_AT_EACH_END).join(' '))},${encodeTerm(words.slice(-WORDS_AT_EACH_END).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}
