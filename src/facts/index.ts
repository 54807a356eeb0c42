/** Facts stage: parse and validate a study facts file, then check that its numbers agree. */
export * from './schema.js';
export { parseStudyFacts, lazyLocator, describeJsonError, MAX_FACTS_BYTES, type ParsedFacts, type Locator, type Position } from './parse.js';
export { concernsUnknown, type PartialFacts } from './partial.js';
export { checkConsistency, termFields, type TermCatalog } from './consistency.js';
