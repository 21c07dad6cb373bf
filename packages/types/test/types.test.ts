import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type Workspace } from '@factcheck/core';
import { makeWorkspace, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import { claimTypesMessages, claimTypesModel, findImporters, generateClaimTypes, nearestId, planClaimTypes } from '../src/index.js';

afterAll(removeTempDirs);

const here = path.dirname(fileURLToPath(import.meta.url));
const CLAIMS = readFileSync(path.join(here, 'fixtures/claims.yaml'), 'utf8');
const GOLDEN = path.join(here, 'fixtures/claims.generated.ts.golden');
const SOURCE = 'The account has been locked, and content deleted, days after its launch.\n';
const tscBin = path.join(path.dirname(fileURLToPath(import.meta.resolve('typescript'))), '../bin/tsc');

/** A workspace with the fixture claims, its sources, claims.generated.ts and `files`. */
async function workspace(files: Record<string, string> = {}): Promise<{ root: string; workspace: Workspace }> {
  const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE, 'b.txt': SOURCE, ...files }, 'factcheck-types-');
  const loaded = await loadWorkspace(path.join(root, 'claims.yaml'), { cwd: root });
  expect(loaded.errors).toEqual([]);
  const ws = loaded.value!.workspace;
  writeFileSync(path.join(root, 'claims.generated.ts'), generateClaimTypes(claimTypesModel(ws)));
  return { root, workspace: ws };
}

describe('claims.generated.ts', () => {
  it('is the golden file, the same on every run', async () => {
    const { workspace: ws } = await workspace();
    const text = generateClaimTypes(claimTypesModel(ws));
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(generateClaimTypes(claimTypesModel(ws))).toBe(text);
  });

  it('is planned beside claims.yaml, or where --out says, and known to be up to date', async () => {
    const { root } = await workspace();
    const plan = (await planClaimTypes('claims.yaml', { cwd: root })).value!;
    expect(plan).toMatchObject({ file: path.join(root, 'claims.generated.ts'), shown: 'claims.generated.ts', upToDate: true, claims: 3, sources: 2 });
    const elsewhere = (await planClaimTypes('claims.yaml', { cwd: root, out: 'src/claims.generated.ts' })).value!;
    expect(elsewhere).toMatchObject({ shown: 'src/claims.generated.ts', upToDate: false });
    const broken = await planClaimTypes('missing.yaml', { cwd: root });
    expect(broken.value).toBeUndefined();
    expect(broken.errors[0]).toMatchObject({ ruleId: 'file-not-found', file: 'missing.yaml' });
  });

  it('compiles with tsc, and tsc --noEmit fails on a file that uses an unknown id', async () => {
    const { root } = await workspace({
      'good.ts': "import { claim, claims, type ClaimId } from './claims.generated.js';\nexport const a: ClaimId = 'account-locked';\nexport const b = claim('no-data-shared').verdict;\nexport const c = claims['comment-end-in-text'].sources;\n",
      'bad.ts': "import { claim } from './claims.generated.js';\nexport const d = claim('acount-locked');\n",
    });
    // One compiler run for both files (the compiler's start is most of its time): the errors name bad.ts only.
    const run = spawnSync(process.execPath, [tscBin, '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'good.ts', 'bad.ts', 'claims.generated.ts'], { cwd: root, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([`bad.ts(2,24): error TS2345: Argument of type '"acount-locked"' is not assignable to parameter of type 'ClaimId'.`]);
    // The TypeScript compiler on a busy shared machine: generous, not a speed goal.
  }, 180_000);
});

describe('the check of typed claims', () => {
  it('reports each unknown id at file.ts:line:col with the nearest id, in claim() and in parameters typed ClaimId', async () => {
    const { root, workspace: ws } = await workspace({
      'src/use.ts': [
        "import { claim, type ClaimId } from '../claims.generated.js';",
        "export const ok = claim('account-locked');",
        "export const typo = claim('acount-locked');",
        'function cite(note: string, ...ids: ClaimId[]): string { return note + ids.join(); }',
        "cite('no-data-shared is not an id here', 'no-data-shared', 'no-data-share');",
        "export const plain = ['not-a-claim'];",
        '',
      ].join('\n'),
    });
    const messages = await claimTypesMessages(ws, { cwd: root });
    expect(messages.map((m) => `${m.file}:${m.place?.start.line}:${m.place?.start.column}  ${m.severity}  ${m.reason}  ${m.ruleId}`)).toEqual([
      'src/use.ts:3:27  error  unknown claim id "acount-locked": claims.yaml has no such claim; the nearest is "account-locked"  unknown-claim-reference',
      'src/use.ts:5:60  error  unknown claim id "no-data-share": claims.yaml has no such claim; the nearest is "no-data-shared"  unknown-claim-reference',
    ]);
    expect(messages[0]!.note).toContain('Did you mean "account-locked"?');
  });

  it('warns that claims.generated.ts is stale once claims.yaml changes, and says to run factcheck types', async () => {
    const { root, workspace: ws } = await workspace();
    expect(await claimTypesMessages(ws, { cwd: root })).toEqual([]);
    writeFileSync(path.join(root, 'claims.yaml'), CLAIMS.replace('id: no-data-shared', 'id: no-user-data-shared'));
    const changed = (await loadWorkspace(path.join(root, 'claims.yaml'), { cwd: root })).value!.workspace;
    const messages = await claimTypesMessages(changed, { cwd: root });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'stale-claim-types', severity: 'warning', file: 'claims.generated.ts', reason: 'claims.generated.ts no longer matches claims.yaml: its claims or sources changed since it was generated' });
    expect(messages[0]!.note).toBe('Run `factcheck types` to write it again.');
  });

  it('finds only the TypeScript that imports the generated module, never in node_modules or dist', async () => {
    const importing = "import { claim } from '../claims.generated.js';\nclaim('acount-locked');\n";
    const { root, workspace: ws } = await workspace({
      'src/a.ts': importing,
      'src/b.ts': "export const b = 'acount-locked';\n",
      // Mentions an import in a string and a comment: not an importer.
      'src/c.ts': "// import { claim } from '../claims.generated.js';\nexport const c = \"import { claim } from '../claims.generated.js'\";\n",
      'src/f.ts': "import {\n  claim,\n  type ClaimId,\n} from '../claims.generated.js';\nexport const f: ClaimId = claim('account-locked').id;\n",
      'node_modules/pkg/c.ts': importing,
      'dist/d.ts': importing,
      '.cache/e.ts': importing,
    });
    const generated = [path.join(root, 'claims.generated.ts')];
    expect(await findImporters(root)).toEqual([
      { file: path.join(root, 'src/a.ts'), generated },
      { file: path.join(root, 'src/f.ts'), generated },
    ]);
    expect((await claimTypesMessages(ws, { cwd: root })).map((m) => m.file)).toEqual(['src/a.ts']);
  });

  it('has nothing to say about a workspace without TypeScript or generated types', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE, 'b.txt': SOURCE, 'notes.md': "claim('nothing')\n" }, 'factcheck-types-');
    const ws = (await loadWorkspace(path.join(root, 'claims.yaml'), { cwd: root })).value!.workspace;
    expect(await findImporters(root)).toEqual([]);
    expect(await claimTypesMessages(ws, { cwd: root })).toEqual([]);
  });

  it('reads no TypeScript when no generated module stands in the workspace', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE, 'b.txt': SOURCE, 'src/a.ts': "import { claim } from '../claims.generated.js';\nclaim('acount-locked');\n" }, 'factcheck-types-');
    expect(await findImporters(root)).toEqual([]);
    writeFileSync(path.join(root, 'claims.generated.ts'), '// generated by factcheck types; do not edit\n');
    expect(await findImporters(root)).toEqual([{ file: path.join(root, 'src/a.ts'), generated: [path.join(root, 'claims.generated.ts')] }]);
  });

  it('does not load the TypeScript compiler when no TypeScript imports the generated module', async () => {
    const { root } = await workspace({ 'src/other.ts': "export const c = 'account-locked';\n" });
    // A process of its own, with the built package as `check` imports it: which modules it loaded.
    const script = [
      "import { createRequire } from 'node:module';",
      "import { loadWorkspace } from '@factcheck/core';",
      `const { claimTypesMessages } = await import(${JSON.stringify(path.join(here, '../dist/index.js'))});`,
      `const loaded = await loadWorkspace(${JSON.stringify(path.join(root, 'claims.yaml'))});`,
      'const messages = await claimTypesMessages(loaded.value.workspace);',
      "const cache = createRequire(import.meta.url)('node:module')._cache;",
      "console.log(JSON.stringify({ messages: messages.length, tsMorph: Object.keys(cache).some((file) => file.includes('ts-morph')) }));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ messages: 0, tsMorph: false });
  });

  it('names the nearest id by fewest edits', () => {
    expect(nearestId('acount-locked', ['no-data-shared', 'account-locked'])).toBe('account-locked');
    expect(nearestId('x', [])).toBeUndefined();
  });
});
