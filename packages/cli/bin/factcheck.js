#!/usr/bin/env node
import { exitOnClosedOutput, main } from '../dist/index.js';

// A closed pipe (`factcheck check | head`) or a signal ends the run quietly, lock released.
exitOnClosedOutput(process);
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
