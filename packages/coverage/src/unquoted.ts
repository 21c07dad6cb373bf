import { escapeControlChars, type CoverageResult, type LoadedSource, type Position } from '@factcheck/core';

/** A sentence that no standing quote touches: where it is and what it says. */
export interface UnquotedSentence {
  /** Id of its source, and the source's path as claims.yaml writes it. */
  source: string;
  path: string;
  /**
   * `uncovered`: no quote touches it; `partial`: only quotes that no longer stand as written
   * (changed) do. Either way the sentence is not quoted, and the coverage figures count it so.
   */
  state: 'uncovered' | 'partial';
  /** 1-based line and column (code points), and code point offset, of its start and end. */
  start: Position;
  end: Position;
  /** Its words, with every run of white space (line breaks too) as one space. */
  text: string;
}

export interface UnquotedOptions {
  /** Only this source's sentences. Default: every source, in the order of claims.yaml. */
  source?: string;
}

/**
 * The sentences of each source that no verified or moved quote touches: the ones the figures
 * count as not quoted (uncovered, and partial ones, touched only by changed quotes). Excluded
 * sentences (boilerplate matched by `exclude`, or with no words at all) are not listed.
 */
export function unquotedSentences(coverage: CoverageResult, sources: ReadonlyMap<string, LoadedSource>, options: UnquotedOptions = {}): UnquotedSentence[] {
  const out: UnquotedSentence[] = [];
  for (const figures of coverage.sources) {
    if (options.source !== undefined && figures.source !== options.source) continue;
    const loaded = sources.get(figures.source);
    if (!loaded) continue;
    const { text } = loaded;
    for (const sentence of figures.detail) {
      if (sentence.state !== 'uncovered' && sentence.state !== 'partial') continue;
      out.push({
        source: figures.source,
        path: figures.path,
        state: sentence.state,
        start: text.position(sentence.span[0]),
        end: text.position(sentence.span[1]),
        text: text.slice(sentence.span).replace(/\s+/gu, ' ').trim(),
      });
    }
  }
  return out;
}

export interface UnquotedFormatOptions {
  /** How a sentence's file is shown (relative to the current folder, say). Default: its path as claims.yaml writes it. */
  file?: (sentence: UnquotedSentence) => string;
  /** How many sources were looked at, for the last line. Default: the sources of the listed sentences. */
  sources?: number;
}

/**
 * One line per sentence, `file:line:col  text` (a partial one marked `(partly: only a changed
 * quote)`), then a line with the counts. Control characters in the text are shown escaped.
 */
export function formatUnquotedSentences(sentences: readonly UnquotedSentence[], options: UnquotedFormatOptions = {}): string {
  const file = options.file ?? ((s: UnquotedSentence) => s.path);
  const places = sentences.map((s) => `${escapeControlChars(file(s))}:${s.start.line}:${s.start.column}`);
  const width = Math.min(40, Math.max(0, ...places.map((p) => p.length)));
  const lines = sentences.map((s, i) => `${places[i]!.padEnd(width)}  ${s.state === 'partial' ? '(partly: only a changed quote) ' : ''}${escapeControlChars(s.text)}`);
  const sourceCount = options.sources ?? new Set(sentences.map((s) => s.source)).size;
  const partial = sentences.filter((s) => s.state === 'partial').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const inSources = `in ${plural(sourceCount, 'source')}`;
  lines.push(
    sentences.length
      ? `${plural(sentences.length, 'sentence')} not quoted${partial ? ` (${partial} only by changed quotes)` : ''} ${inSources}; excluded boilerplate is not listed`
      : `Every sentence is quoted ${inSources}; excluded boilerplate is not listed`,
  );
  return lines.join('\n');
}
