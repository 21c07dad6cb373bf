// Whether the run is in CI, on its own (and as the subpath @factcheck/edit/ci): the CLI asks it at
// every check, which need not load the editing modules.

/** CI is set to something other than empty, "false" or "0". */
export function isCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
