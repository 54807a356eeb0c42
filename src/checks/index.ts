/** Checks stage: prove each output is in the right language (more checks join here). */
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
