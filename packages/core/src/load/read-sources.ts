// The sources that claims.yaml declares, read from disk as text. A source that cannot be read is
// an error at its `path` in claims.yaml; the others are read all the same.
import { createMessage } from '../messages.js';
import { confinePath, readTextFile } from '../read-source.js';
import { SourceText } from '../text.js';
import type { LoadedSource, Message, Workspace } from '../types.js';

export async function readSources(workspace: Workspace, errors: Message[]): Promise<Map<string, LoadedSource>> {
  const sources = new Map<string, LoadedSource>();
  for (const decl of workspace.sources.values()) {
    const confined = await confinePath(workspace.root, decl.path);
    const outcome = 'problem' in confined ? confined : await readTextFile(confined.path, decl.path);
    if ('problem' in outcome) {
      const { ruleId, reason, note } = outcome.problem;
      errors.push(createMessage({ ruleId, reason: `source "${decl.id}": ${reason}`, file: workspace.displayPath, place: decl.pathPlace, source: decl.id, note }));
      continue;
    }
    sources.set(decl.id, { decl, text: new SourceText(outcome.text) });
  }
  return sources;
}
