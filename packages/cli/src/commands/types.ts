import * as path from 'node:path';
import { writeFileAtomic } from '@factcheck/edit';
import { planClaimTypes } from '@factcheck/types';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec } from '../args.js';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { printConfigErrors, usageError } from './check.js';

const TYPES_FLAGS: FlagSpec = { out: { type: 'string' } };

export const TYPES_USAGE = `Usage: factcheck types [--claims PATH] [--out FILE]

Writes claims.generated.ts (beside claims.yaml, or FILE): ClaimId and SourceId, the union of the
ids of claims.yaml; a typed \`claims\` constant, each claim with its text, verdict and sources in a
comment that editors show on hover; and \`claim(id: ClaimId)\`. The same claims.yaml always gives
the same file; a file already up to date is left untouched. \`factcheck check\` warns when the file
no longer matches claims.yaml, and reports claim ids that TypeScript importing it uses and that
claims.yaml does not have.
Exit codes: 0 written (or up to date), 2 usage or configuration errors.`;

/** `factcheck types`: writes claims.generated.ts; see TYPES_USAGE. */
export async function typesCommand(argv: string[], io: Io): Promise<number> {
  const parsed = parseFlags('types', argv, TYPES_FLAGS);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), TYPES_USAGE);
  if (booleanFlag(parsed.value, 'help')) {
    io.stdout.write(`${TYPES_USAGE}\n`);
    return EXIT_OK;
  }
  const format = stringFlag(parsed.value, 'format') ?? 'stylish';
  if (format !== 'stylish') return usageError(io, `types: --format must be stylish, got "${format}"`, TYPES_USAGE);
  const claims = stringFlag(parsed.value, 'claims') ?? 'claims.yaml';
  const out = stringFlag(parsed.value, 'out');
  if (claims.trim() === '') return usageError(io, 'types: --claims needs a path', TYPES_USAGE);
  if (out !== undefined && !/\.[cm]?ts$/.test(out)) return usageError(io, `types: --out must name a TypeScript file (.ts), got "${out}"`, TYPES_USAGE);
  const planned = await planClaimTypes(claims, { cwd: io.cwd, ...(out !== undefined ? { out } : {}) });
  if (!planned.value) {
    printConfigErrors(io, 'stylish', planned.errors, planned.warnings);
    return EXIT_USAGE;
  }
  const plan = planned.value;
  const counts = `${plan.claims} claim${plan.claims === 1 ? '' : 's'}, ${plan.sources} source${plan.sources === 1 ? '' : 's'}`;
  if (plan.upToDate) {
    io.stdout.write(`${plan.shown} is up to date (${counts})\n`);
    return EXIT_OK;
  }
  const written = await writeFileAtomic(plan.file, Buffer.from(plan.text, 'utf8'));
  if (!written.ok) {
    io.stderr.write(`types: ${written.message.replace(path.basename(plan.file), plan.shown)}; ${plan.shown} is as it was. Check that its folder exists, is writable and has room.\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(`wrote ${plan.shown} (${counts})\n`);
  return EXIT_OK;
}
