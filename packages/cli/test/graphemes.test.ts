// A span never starts or ends inside a character (a letter and its combining mark, an emoji ZWJ
// sequence, a flag, CR LF): check reports such a quote as changed, with the reason, and add
// never pins one.
import { afterAll, describe, expect, it } from 'vitest';
import { addCommand } from '../src/commands/add.js';
import { checkCommand } from '../src/commands/check.js';
import { fakeIo, makeWorkspace, read, readBytes, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

const ACUTE = '\u0301';
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const FLAG_GB = '\u{1F1EC}\u{1F1E7}';
const FLAG_FR = '\u{1F1EB}\u{1F1F7}';

// Offsets in code points: "Le cafe" + U+0301 ends at 8; the family is 5 code points.
const SOURCE = `Le cafe${ACUTE} est noir.\r\nThe ${FAMILY} family flies ${FLAG_GB}${FLAG_FR} flags.\r\nPlain words, \u{1F600} and more.\r\n`;
const cp = (text: string) => [...text].length;
const spanOf = (quote: string, from = 0): [number, number] => {
  const start = cp(SOURCE.slice(0, SOURCE.indexOf(quote, from)));
  return [start, start + cp(quote)];
};

function claimsYaml(evidence: { id: string; quote: string; span: [number, number] }[]): string {
  const items = evidence.map(
    (e) => `  - id: ${e.id}\n    claim: A claim about ${e.id}.\n    verdict: supported\n    evidence:\n      - source: s\n        quote: ${JSON.stringify(e.quote)}\n        span: [${e.span[0]}, ${e.span[1]}]\n`,
  );
  return `version: 1\nsources:\n  s:\n    path: seeds/s.txt\nclaims:\n${items.join('')}`;
}

async function run(command: typeof checkCommand, root: string, args: string[]) {
  const io = fakeIo(root);
  const code = await command(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('check: a quote that cuts a character is changed, with the reason', () => {
  it.each([
    ['a combining mark', 'cafe-cut', 'Le cafe', `Le cafe${ACUTE}`, `the quote ends inside the character 'e${ACUTE}' (e + U+0301)`],
    ['a ZWJ sequence', 'family-cut', FAMILY.slice(0, 5), FAMILY, `the quote ends inside the character '${FAMILY}' (U+1F468 + U+200D + U+1F469 + U+200D + U+1F467)`],
    ['a flag pair', 'flag-cut', '\u{1F1E7}\u{1F1EB}', `${FLAG_GB}${FLAG_FR}`, `the quote starts inside the character '${FLAG_GB}' (U+1F1EC + U+1F1E7) and ends inside the character '${FLAG_FR}' (U+1F1EB + U+1F1F7)`],
  ])('%s', async (_what, id, quote, wholeText, reason) => {
    const span = spanOf(quote);
    const whole = spanOf(wholeText);
    // The quote stands at its span code point for code point: only the cut character is wrong.
    expect([...SOURCE].slice(span[0], span[1]).join('')).toBe(quote);
    const root = makeWorkspace({ 'seeds/s.txt': SOURCE, 'claims.yaml': claimsYaml([{ id, quote, span }]) });
    const { code, out } = await run(checkCommand, root, ['--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.claims[0]).toMatchObject({ id, status: 'failed' });
    expect(report.claims[0].evidence[0]).toMatchObject({ status: 'changed', span, found: whole, reason });
    const message = report.messages.find((m: { claimId?: string }) => m.claimId === id);
    expect(message).toMatchObject({ ruleId: 'quote-changed', severity: 'error' });
    expect(message.reason).toBe(`quote cuts a character in two in seeds/s.txt: ${reason}; the whole characters are at [${whole[0]}, ${whole[1]}]`);
  });

  it('the stylish output says why, at the span', async () => {
    const root = makeWorkspace({ 'seeds/s.txt': SOURCE, 'claims.yaml': claimsYaml([{ id: 'cafe-cut', quote: 'Le cafe', span: [0, 7] }]) });
    const { code, out } = await run(checkCommand, root, ['--no-color']);
    expect(code).toBe(1);
    expect(out).toContain(`quote cuts a character in two in seeds/s.txt: the quote ends inside the character 'e${ACUTE}' (e + U+0301)`);
  });

  it('ordinary quotes stay verified: ASCII, an astral character, a span that ends after CR LF', async () => {
    const evidence = [
      { id: 'ascii', quote: 'Plain words,', span: spanOf('Plain words,') },
      { id: 'astral', quote: 'words, \u{1F600} and', span: spanOf('words, \u{1F600} and') },
      { id: 'line-break', quote: 'est noir.\r\n', span: spanOf('est noir.\r\n') },
      { id: 'whole-family', quote: `The ${FAMILY} family`, span: spanOf(`The ${FAMILY} family`) },
      { id: 'whole-flags', quote: `${FLAG_GB}${FLAG_FR}`, span: spanOf(`${FLAG_GB}${FLAG_FR}`) },
      { id: 'whole-cafe', quote: `Le cafe${ACUTE}`, span: spanOf(`Le cafe${ACUTE}`) },
    ];
    const root = makeWorkspace({ 'seeds/s.txt': SOURCE, 'claims.yaml': claimsYaml(evidence) });
    const { code, out } = await run(checkCommand, root, ['--format', 'json']);
    const report = JSON.parse(out);
    expect(report.claims.map((c: { evidence: { status: string }[] }) => c.evidence[0]!.status)).toEqual(evidence.map(() => 'verified'));
    expect(code).toBe(0);
  });
});

describe('add never pins a span that cuts a character', () => {
  const ONE_CLAIM = claimsYaml([{ id: 'ascii', quote: 'Plain words,', span: spanOf('Plain words,') }]);

  it.each([
    ['a combining mark', 'Le cafe', `the quote ends inside the character 'e${ACUTE}' (e + U+0301)`],
    ['a ZWJ sequence', FAMILY.slice(0, 5), `the quote ends inside the character '${FAMILY}'`],
    ['a flag pair', '\u{1F1E7}\u{1F1EB}', `the quote starts inside the character '${FLAG_GB}'`],
    ['half of CR LF', 'est noir.\r', 'the quote ends inside the line break CR LF (U+000D + U+000A)'],
  ])('%s: exit 1, the reason, nothing written', async (_what, quote, reason) => {
    const root = makeWorkspace({ 'seeds/s.txt': SOURCE, 'claims.yaml': ONE_CLAIM });
    const before = readBytes(root);
    const { code, out, err } = await run(addCommand, root, ['--source', 's', '--quote', quote, '--claim', 'Something about it.']);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toContain('add: the quote stands in seeds/s.txt word for word, but ');
    expect(out).toContain(reason);
    expect(out).toContain('Nothing was written.');
    expect(readBytes(root)).toEqual(before);
  });

  it('with --format json, the status and the reason', async () => {
    const root = makeWorkspace({ 'seeds/s.txt': SOURCE, 'claims.yaml': ONE_CLAIM });
    const { code, out } = await run(addCommand, root, ['--source', 's', '--quote', 'Le cafe', '--claim', 'Coffee.', '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ written: false, status: 'changed', reason: `the quote ends inside the character 'e${ACUTE}' (e + U+0301)` });
  });

  it('whole characters are pinned as before', async () => {
    const root = makeWorkspace({ 'seeds/s.txt': SOURCE, 'claims.yaml': ONE_CLAIM });
    const { code, err } = await run(addCommand, root, ['--source', 's', '--quote', `The ${FAMILY} family flies ${FLAG_GB}`, '--claim', 'A family flies a flag.', '--id', 'family-flag']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const span = spanOf(`The ${FAMILY} family flies ${FLAG_GB}`);
    expect(read(root)).toContain(`span: [${span[0]}, ${span[1]}]`);
  });
});
