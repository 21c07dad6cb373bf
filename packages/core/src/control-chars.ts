/**
 * Characters that change how the text around them is shown, or that are not shown at all, and so
 * must never reach a terminal or a page as they are. Sources and claims.yaml are untrusted, and
 * every package that shows their text (messages, the terminal, the HTML report and its script)
 * uses this one rule:
 *
 * - C0 controls other than tab, line feed and carriage return (which every output shows as
 *   layout), DEL, and the C1 controls: ESC (U+001B) and CSI (U+009B) start the escape sequences
 *   that drive a terminal;
 * - the bidirectional formatting characters: embeddings and overrides (U+202A to U+202E),
 *   isolates (U+2066 to U+2069) and the invisible marks (U+061C ARABIC LETTER MARK, U+200E
 *   LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK), which can make a line read differently from
 *   what it holds (as in "Trojan Source").
 *
 * Every one of them is a single UTF-16 code unit. The flag is `g`, for `replace` (which starts from
 * the beginning whatever `lastIndex` holds); `.source` gives the class itself, to combine it with
 * other characters or to build a RegExp with other flags.
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with each control character written as a `\u001b`-style escape, as JSON and JavaScript would read it. */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
