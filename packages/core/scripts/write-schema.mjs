// Writes claims.schema.json from the same spec the validator uses. Run after a build;
// a test fails whenever the committed file and the spec disagree.
import { writeFileSync } from 'node:fs';
import { toJsonSchema } from '../dist/index.js';

const target = new URL('../claims.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(toJsonSchema(), null, 2)}\n`);
console.log('wrote claims.schema.json');
