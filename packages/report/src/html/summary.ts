import type { CheckResult, SourceCoverage } from '@factcheck/core';

export interface SentenceFigures {
  /** Sentences in the denominator (excluded ones left out). */
  total: number;
  covered: number;
  partial: number;
  excluded: number;
  pct: number;
}

export interface CharacterFigures {
  total: number;
  covered: number;
  pct: number;
}

export interface CoverageSummary {
  total: { sentences: SentenceFigures; characters: CharacterFigures };
  sources: Record<string, { path: string; sentences: SentenceFigures; characters: CharacterFigures }>;
}

/** coverage-summary.json, shaped like istanbul's json-summary: per source and total figures. */
export function coverageSummary(result: CheckResult): CoverageSummary {
  const t = result.coverage.total;
  const sources: CoverageSummary['sources'] = {};
  for (const s of result.coverage.sources) sources[s.source] = { path: s.path, sentences: sentenceFigures(s), characters: characterFigures(s) };
  return {
    total: {
      sentences: { total: t.sentences - t.excluded, covered: t.covered, partial: t.partial, excluded: t.excluded, pct: t.sentencePct },
      characters: { total: t.characters, covered: t.coveredCharacters, pct: t.characterPct },
    },
    sources,
  };
}

function sentenceFigures(s: SourceCoverage): SentenceFigures {
  return { total: s.sentences - s.excluded, covered: s.covered, partial: s.partial, excluded: s.excluded, pct: s.sentencePct };
}

function characterFigures(s: SourceCoverage): CharacterFigures {
  return { total: s.characters, covered: s.coveredCharacters, pct: s.characterPct };
}
