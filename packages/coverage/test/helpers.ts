import { readExcludePattern, SourceText, type EvidenceResult, type ExcludePattern, type LoadedSource, type Place, type SourceDecl, type Workspace } from '@factcheck/core';

export function placeAtLine(line: number): Place {
  return { start: { line, column: 3, offset: line * 10 }, end: { line, column: 20, offset: line * 10 + 17 } };
}

export function decl(id: string, init: Partial<SourceDecl> = {}): SourceDecl {
  return { id, file: 'claims.yaml', path: `seeds/${id}.txt`, exclude: [], place: placeAtLine(3), pathPlace: placeAtLine(4), ...init };
}

export function workspace(decls: SourceDecl[], coverage: Workspace['coverage'] = {}): Workspace {
  return {
    version: 1,
    claimsPath: 'claims.yaml',
    root: '.',
    displayPath: 'claims.yaml',
    sources: new Map(decls.map((d) => [d.id, d])),
    claims: [],
    properties: new Map(),
    entities: new Map(),
    coverage,
    anchor: { minScore: 0.75, margin: 0.05, ignoreCase: false },
  };
}

export function loaded(d: SourceDecl, text: string): LoadedSource {
  return { decl: d, text: new SourceText(text) };
}

/** Evidence found where `quote` first occurs in `text` (code points), with the given status. */
export function evidenceAt(
  text: string,
  quote: string,
  init: { claimId: string; source: string; status?: EvidenceResult['status']; occurrence?: number },
): EvidenceResult {
  let unit = -1;
  for (let i = 0; i <= (init.occurrence ?? 0); i++) unit = text.indexOf(quote, unit + 1);
  if (unit < 0) throw new Error(`test setup: ${JSON.stringify(quote)} is not in the text`);
  const st = new SourceText(text);
  const found = st.codePointSpan(unit, unit + quote.length);
  return { claimId: init.claimId, index: 0, source: init.source, quote, stance: 'for', status: init.status ?? 'verified', found, span: found, pinned: true };
}

/** Exclude patterns as the loader reads them from claims.yaml (`/…/flags` is a regular expression). */
export function patterns(...written: string[]): ExcludePattern[] {
  return written.map((text) => {
    const reading = readExcludePattern(text);
    if (!('value' in reading)) throw new Error(`test setup: ${text} ${reading.problem.reason}`);
    return reading.value;
  });
}
