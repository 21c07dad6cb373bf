// The sources that claims.yaml declares, read from disk as text. A source that cannot be read is
// an error at its `path` in claims.yaml; the others are read all the same.
import { createMessage } from '../messages.js';
import { confinePath, readTextFile } from '../read-source.js';
import { SourceText } from '../text.js';
import type { LoadedSource, Message, Workspace } from '../types.js';

/** How many sources are read at once: enough to keep the disk busy, few enough to stay clear of the open-file limit. */
export const SOURCE_READ_CONCURRENCY = 16;

export async function readSources(workspace: Workspace, errors: Message[], filter?: (id: string) => boolean): Promise<Map<string, LoadedSource>> {
  const decls = [...workspace.sources.values()].filter((decl) => !filter || filter(decl.id));
  const outcomes = await mapConcurrently(decls, SOURCE_READ_CONCURRENCY, async (decl) => {
    const confined = await confinePath(workspace.root, decl.path);
    return 'problem' in confined ? confined : readTextFile(confined.path, decl.path);
  });
  // Kept in the order claims.yaml declares them, however the reads finished.
  const sources = new Map<string, LoadedSource>();
  decls.forEach((decl, i) => {
    const outcome = outcomes[i]!;
    if ('problem' in outcome) {
      const { ruleId, reason, note } = outcome.problem;
      errors.push(createMessage({ ruleId, reason: `source "${decl.id}": ${reason}`, file: decl.file, place: decl.pathPlace, source: decl.id, note }));
      return;
    }
    sources.set(decl.id, { decl, text: new SourceText(outcome.text) });
  });
  return sources;
}

/** `fn` over every item, at most `limit` at a time; the results in the order of the items. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
