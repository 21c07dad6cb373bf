// Every string that reaches a page is untrusted: source text, claim text, ids, titles, urls.
// These helpers escape it; the page builders use them through safe-html.ts, whose `html` template
// escapes every value that is not already SafeHtml.
import { CONTROL_CHARS } from '@factcheck/core';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// Characters that change how surrounding text is displayed or that do not display at all
// (bidirectional controls, C0 and C1 controls): @factcheck/core's rule, which report.js shares.
const TEXT_SPECIAL = new RegExp(`[&<>"']|${CONTROL_CHARS.source}`, 'g');
/** The same characters, without the `g` flag: `test` then keeps no state between calls. */
const NEEDS_ESCAPE = new RegExp(TEXT_SPECIAL.source);

const CONTROL_NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** `U+202E`. */
export function codePointLabel(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function controlTitle(c: string): string {
  const name = CONTROL_NAMES[c.codePointAt(0)!] ?? 'control character';
  return `${name} (${codePointLabel(c)}), shown instead of applied`;
}

/**
 * Escaped text for element content, with each control character replaced by a visible marker
 * (`[U+202E]` in a `ctl` span), so that it can neither hide nor reorder text.
 */
export function renderText(value: string): string {
  // One pass for both jobs: this runs on every piece of every source text.
  return value.replace(TEXT_SPECIAL, (c) => HTML_ESCAPES[c] ?? `<span class="ctl" title="${escapeHtml(controlTitle(c))}">${codePointLabel(c)}</span>`);
}

/**
 * Text for attribute values and `<title>`, where no markup is possible: controls become `[U+202E]`.
 * The `html` template escapes plain strings with it wherever they stand, as it is safe in element
 * content too (where `renderText` gives each control a marked span instead).
 */
export function plainText(value: string): string {
  // This runs on every value a page interpolates, and most need nothing: a test is cheaper than a replace.
  return NEEDS_ESCAPE.test(value) ? value.replace(TEXT_SPECIAL, (c) => HTML_ESCAPES[c] ?? `[${codePointLabel(c)}]`) : value;
}

/** The URL when it is an absolute http: or https: URL; anything else (javascript:, data:, relative) is dropped. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href;
}

// JSON.stringify already escapes the C0 controls in strings; the rest of the rule is done here.
const SCRIPT_SPECIAL = new RegExp(`[<>&\\u2028\\u2029]|${CONTROL_CHARS.source}`, 'g');

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` are written as
 * \u escapes so that `</script>` or `<!--` in the data cannot end or alter the block; U+2028
 * and U+2029 are escaped for older JavaScript parsers, and bidirectional controls so that the
 * page source reads as it is; so are the other control characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_SPECIAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An injective encoding of any string into the characters [a-z0-9-]: anything else becomes
 * `_hex_`. Used for element ids and file names, so that two ids never meet (also on
 * case-insensitive file systems) and nothing in them needs quoting.
 */
export function safeToken(value: string): string {
  let out = '';
  for (const c of value) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-') out += c;
    else out += `_${c.codePointAt(0)!.toString(16)}_`;
  }
  return out;
}
