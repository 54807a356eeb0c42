/** Checks stage: prove each output is in the right language, states only the study's numbers, … */
export { detectLanguage, stripForDetection, DETECTOR_SETTINGS, type Detection } from './detect.js';
export { markdownParagraphs, plainParagraphs } from './paragraphs.js';
export {
  checkSummaryLanguage,
  checkSourceLanguage,
  checkFactsLanguage,
  untranslatedNames,
  type LanguageStats,
  type LanguageCheckResult,
  type SourceLanguageReport,
  type SummaryPlace,
} from './language.js';
export { allowedNumbers, checkFidelity, checkFactSources, termsWithFigures, type AllowedNumbers, type FidelityStats } from './fidelity.js';
export { findNumbers, parseHanNumeral, type FoundNumber } from './numbers.js';
export { ANNEX_V, checkCoverage, unknownElements, type CoverageElement, type CoverageRow, type CoverageState } from './coverage.js';
export { checkReadability, glossaryTerms, type ReadabilityResult } from './readability-check.js';
export { checkLeafletPages, FIGURE_ROWS_NAMED_FROM, lengthCause, LEAFLET_MAX_PAGES, type PrintedLeaflet } from './pages.js';
export * from './readability/index.js';
