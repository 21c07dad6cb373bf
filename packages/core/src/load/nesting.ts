/**
 * Where a YAML text nests deeper than `limit` levels, by a lexical estimate (block indentation,
 * compact `- - -` items, flow brackets), without building the structure: the YAML library runs
 * out of stack on such texts, and this finds the place to show. Returns the offset where the
 * outermost level of the too-deep structure (below the top-level mapping) begins.
 */
export function deepNestingStart(text: string, limit: number): number | undefined {
  /** Offsets where each open level began: block levels by indentation, then flow brackets. */
  const levels: { offset: number; indent: number }[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  const tooDeep = () => levels.length > limit;
  const outermost = () => (levels[1] ?? levels[0])!.offset;
  while (i < n) {
    if (flow === 0) {
      // A block line: its indentation closes deeper levels and opens one of its own.
      let col = 0;
      while (text[i + col] === ' ') col++;
      const c = text[i + col];
      if (c === undefined || c === '\n' || c === '\r' || c === '#') {
        i = lineEnd(text, i + col);
        continue;
      }
      while (levels.length && levels[levels.length - 1]!.indent >= col) levels.pop();
      i += col;
      levels.push({ offset: i, indent: col });
      // Compact items (`- - - x`) each open a level on the same line.
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        i += 2;
        while (text[i] === ' ' || text[i] === '\t') i++;
        levels.push({ offset: i, indent: col + 1 });
        if (tooDeep()) return outermost();
      }
      if (tooDeep()) return outermost();
    }
    // The rest of the line (or, inside brackets, the text up to the closing one).
    while (i < n) {
      const c = text[i]!;
      if (c === '\n' || c === '\r') {
        i++;
        if (flow === 0) break;
        continue;
      }
      if (c === '"' || c === "'") {
        i = quotedEnd(text, i);
        continue;
      }
      if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
        i = lineEnd(text, i);
        continue;
      }
      if ((c === '[' || c === '{') && (flow > 0 || startsValue(text, i))) {
        flow++;
        levels.push({ offset: i, indent: Infinity });
        if (tooDeep()) return outermost();
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        levels.pop();
      }
      i++;
    }
  }
  return undefined;
}

/** Whether a bracket at `i` opens a flow collection: it starts a value, not the middle of a plain one. */
function startsValue(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || text[j] === '\n' || text[j] === '\r' || text[j] === ':' || text[j] === '-' || text[j] === '?';
}

function lineEnd(text: string, i: number): number {
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i + 1;
}

/** The offset after a quoted scalar that opens at `i` (or the end of the text if it never closes). */
function quotedEnd(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (quote === '"' && c === '\\') j++;
    else if (c === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return text.length;
}
