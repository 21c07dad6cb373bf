import * as path from 'node:path';

/** Turns a path into the form shown in messages: relative to cwd when inside it. */
export function displayPathOf(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
