/** JSON Schema of the facts format, generated from the zod schema for editor autocomplete. */
import { z } from 'zod';
import { StudyFacts } from './schema.js';

export function studyFactsJsonSchema(): string {
  const schema = z.toJSONSchema(StudyFacts, { io: 'input', unrepresentable: 'any' });
  const document = {
    ...schema,
    title: 'laysum study facts',
    description: 'One clinical study: generated from src/facts/schema.ts by `npm run schema`; do not edit by hand.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
