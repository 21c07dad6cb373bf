import { wordDiff } from '@factcheck/anchor';

/** The words that changed: `"old" → "new"`, `added "new"` or `removed "old"` for each changed stretch. */
export function wordChanges(before: string, after: string): string {
  // Spacing is not wording: compare the words with whitespace runs folded to one space.
  const fold = (text: string) => text.trim().replace(/\s+/g, ' ');
  const parts = wordDiff(fold(before), fold(after));
  const stretches: string[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    const old = removed.trim();
    const now = added.trim();
    if (old && now) stretches.push(`${JSON.stringify(old)} → ${JSON.stringify(now)}`);
    else if (now) stretches.push(`added ${JSON.stringify(now)}`);
    else if (old) stretches.push(`removed ${JSON.stringify(old)}`);
    removed = '';
    added = '';
  };
  for (const part of parts) {
    if (part.op === 'equal') flush();
    else if (part.op === 'delete') removed += part.text;
    else added += part.text;
  }
  flush();
  return stretches.join(', ') || 'whitespace only';
}
