// Markup is built only with the `html` template below: every value it is given is escaped, unless
// it is SafeHtml, which only `html`, the escaping helpers here and `raw` make. So a page builder
// cannot put untrusted text into a page unescaped by forgetting a call: the types see to it.
import { jsonForScript, plainText, renderText } from './escape.js';

/** A fragment of HTML that is safe to write as it is. */
class SafeHtml {
  // Private, so that no other object (a string, an object of the same shape) passes for one.
  private readonly markup: string;

  constructor(markup: string) {
    this.markup = markup;
  }

  toString(): string {
    return this.markup;
  }
}

export type { SafeHtml };

/** What the `html` template accepts: SafeHtml as it is, strings and numbers escaped, lists of them joined. */
export type HtmlValue = SafeHtml | string | number | readonly HtmlValue[];

function markupOf(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (typeof value === 'string') return plainText(value);
  // Digits, '.', '-', 'e', 'Infinity', 'NaN': nothing to escape.
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value as readonly HtmlValue[]) out += markupOf(item);
    return out;
  }
  // Whatever untyped code passes: escaped as text.
  return plainText(String(value));
}

/**
 * A template for markup: `html\`<p title="${title}">${body}</p>\``. The literal parts are markup;
 * each value is escaped (as attribute text: `&<>"'` as entities, control characters as `[U+202E]`)
 * unless it is SafeHtml. Lists are joined with nothing between their items.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += markupOf(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * Markup taken as it is, with no escaping: only for a constant or for the output of an escaping
 * function. Every other value goes through `html`.
 */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** The items, each escaped unless SafeHtml, with `separator` between them. */
export function joinHtml(items: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const glue = markupOf(separator);
  let out = '';
  items.forEach((item, i) => {
    out += i === 0 ? markupOf(item) : glue + markupOf(item);
  });
  return new SafeHtml(out);
}

/** Untrusted text for element content: escaped, each control character shown as a visible marker. */
export function textHtml(value: string): SafeHtml {
  return new SafeHtml(renderText(value));
}

/** Short untrusted text inline (titles, ids, claims): isolated, so right-to-left text cannot reorder its neighbours. */
export function inlineText(value: string): SafeHtml {
  return new SafeHtml(`<bdi>${renderText(value)}</bdi>`);
}

/** Data for a `<script type="application/json">` block, which cannot end or alter the block. */
export function scriptJson(value: unknown): SafeHtml {
  return new SafeHtml(jsonForScript(value));
}
