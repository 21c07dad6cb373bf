import { packageTestConfig } from '../../vitest.shared.js';

// Each test starts the TypeScript compiler through ts-morph: seconds on a busy machine.
export default packageTestConfig({ testTimeout: 60_000 });
