// The paths and globs of `include:`: a small glob of our own, matched while walking only the
// folders the pattern can reach. The syntax, relative to the folder of claims.yaml, `/` between
// names:
//   *    any characters within one name (not `/`), but not a leading `.`
//   ?    one character within a name (not `/`, not a leading `.`)
//   **   as a whole name: any number of folders, none included (hidden folders and
//        node_modules are not entered)
// Every other character stands for itself; a pattern without wildcards names one file.
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';

export type GlobSegment = { kind: 'any-folders' } | { kind: 'name'; literal: string } | { kind: 'pattern'; regex: RegExp };

export type ParsedGlob = { segments: GlobSegment[] } | { problem: { outside: boolean; reason: string; note: string } };

/** A pattern as segments, or why it cannot be one (absolute, `..`, a backslash, `**` inside a name). */
export function parseGlob(pattern: string): ParsedGlob {
  const shown = JSON.stringify(pattern);
  if (pattern.startsWith('/') || /^[a-zA-Z]:/.test(pattern)) {
    return { problem: { outside: true, reason: `include ${shown} is an absolute path`, note: 'Write the path or glob relative to the folder of claims.yaml (e.g. claims/**/*.yaml).' } };
  }
  if (pattern.includes('\\') || pattern.includes('\0')) {
    return { problem: { outside: false, reason: `include ${shown} holds a ${pattern.includes('\0') ? 'NUL character' : 'backslash'}`, note: 'Separate folders with `/` (e.g. claims/europe/*.yaml), on every system.' } };
  }
  const names = pattern.split('/').filter((name) => name !== '' && name !== '.');
  if (names.includes('..')) {
    return { problem: { outside: true, reason: `include ${shown} climbs out of the folder of claims.yaml with ..`, note: 'Included files must be inside the workspace: move them below the folder of claims.yaml.' } };
  }
  if (names.length === 0) return { problem: { outside: false, reason: `include ${shown} names no file`, note: 'Write a path or glob such as claims/**/*.yaml.' } };
  const segments: GlobSegment[] = [];
  for (const name of names) {
    if (name === '**') {
      if (segments.at(-1)?.kind !== 'any-folders') segments.push({ kind: 'any-folders' });
      continue;
    }
    if (name.includes('**')) {
      return { problem: { outside: false, reason: `include ${shown} has ** inside the name ${JSON.stringify(name)}`, note: '** stands alone between slashes (claims/**/*.yaml); within a name, write *.' } };
    }
    if (!/[*?]/.test(name)) segments.push({ kind: 'name', literal: name });
    else segments.push({ kind: 'pattern', regex: nameRegex(name) });
  }
  if (segments.at(-1)?.kind === 'any-folders') {
    return { problem: { outside: false, reason: `include ${shown} ends with **, which matches folders, not files`, note: 'End the glob with a file name or a name pattern (claims/**/*.yaml).' } };
  }
  return { segments };
}

function nameRegex(name: string): RegExp {
  let source = name.startsWith('.') ? '' : '(?!\\.)';
  for (const c of name) source += c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`, 'u');
}

/** Folders `**` does not enter. */
const SKIPPED = new Set(['node_modules']);

/**
 * The files under `root` that the segments match, as paths relative to it with `/`, sorted (by
 * UTF-16 code units, the same on every system). Folders that are links are not walked by
 * wildcards (a link can loop); a name written out is followed like any path.
 */
export async function matchGlob(root: string, segments: readonly GlobSegment[]): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (relative: string, at: number): Promise<void> => {
    const segment = segments[at]!;
    const last = at === segments.length - 1;
    const dir = path.join(root, relative);
    const join = (name: string) => (relative ? `${relative}/${name}` : name);
    if (segment.kind === 'name') {
      const stat = await fs.stat(path.join(dir, segment.literal)).catch(() => undefined);
      if (!stat) return;
      if (last && stat.isFile()) found.add(join(segment.literal));
      else if (!last && stat.isDirectory()) await visit(join(segment.literal), at + 1);
      return;
    }
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((): Dirent[] => []);
    if (segment.kind === 'any-folders') {
      await visit(relative, at + 1);
      for (const entry of entries) {
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name)) await visit(join(entry.name), at);
      }
      return;
    }
    for (const entry of entries) {
      if (!segment.regex.test(entry.name)) continue;
      if (last) {
        if (entry.isFile() || (entry.isSymbolicLink() && (await fs.stat(path.join(dir, entry.name)).catch(() => undefined))?.isFile())) found.add(join(entry.name));
      } else if (entry.isDirectory()) await visit(join(entry.name), at + 1);
    }
  };
  await visit('', 0);
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
