// Writes schema/study-facts.schema.json from the zod schema (npm run schema).
// A test fails when the committed file and the schema in code disagree.
import { writeFileSync } from 'node:fs';
import { studyFactsJsonSchema } from '../src/facts/json-schema.js';

writeFileSync(new URL('../schema/study-facts.schema.json', import.meta.url), studyFactsJsonSchema());
