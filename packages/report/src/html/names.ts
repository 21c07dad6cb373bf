import { safeToken } from './escape.js';

const MAX_STEM = 100;
// Device names that Windows will not create as files, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A safe, unique file name (`<stem>.html`) for each source id, in the given order. Ids made of
 * [a-z0-9-] (the claims.yaml id format) keep their name; anything else is encoded, long names are
 * shortened with a hash, and a clash gets a numbered suffix.
 */
export function sourcePageNames(ids: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    let stem = safeToken(id);
    if (stem.length > MAX_STEM) stem = `${stem.slice(0, MAX_STEM - 9)}-${fnv1a(id)}`;
    if (stem === '' || RESERVED.test(stem)) stem = `${stem}_`;
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
    taken.add(name);
    names.set(id, `${name}.html`);
  }
  return names;
}

/** The element id of an evidence item: `E-<claim id>-<index>` (stable, so links can point at it). */
export function evidenceElementId(claimId: string, index: number): string {
  return `E-${safeToken(claimId)}-${index}`;
}

/** The element id of a claim's card on a source page. */
export function claimElementId(claimId: string): string {
  return `claim-${safeToken(claimId)}`;
}

/** The element id of a line: `L12` (1-based). */
export function lineElementId(line: number): string {
  return `L${line}`;
}
