import * as path from 'node:path';

/** System error codes that mean no space is left to write: a full disk, or a used-up quota. */
export function isNoSpace(code: string | undefined): code is 'ENOSPC' | 'EDQUOT' {
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** A folder as shown in messages: `./` for the current one, `seeds/` for a relative one. */
export function showFolder(folder: string): string {
  if (folder === '' || folder === '.') return './';
  return folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`;
}

/**
 * The message for a write that failed for want of space. Running the command again at once
 * would fail the same way, so it says what is full, where, and that claims.yaml is unchanged.
 *
 * @param shown claims.yaml as shown in messages (relative to the current folder).
 * @param written the name of the file that could not be written (claims.yaml, or its lock file).
 */
export function noSpaceMessage(command: string, shown: string, code: 'ENOSPC' | 'EDQUOT', written = path.basename(shown)): string {
  const folder = showFolder(path.dirname(shown));
  const what = code === 'EDQUOT' ? 'the disk quota is used up' : 'the disk is full';
  return (
    `${command}: ${what} (${code}): ${written} could not be written in ${folder}; ${path.basename(shown)} was left unchanged.\n` +
    `Free some space on the disk that holds ${folder}, then run \`factcheck ${command}\` again.`
  );
}
