/**
 * laysum — plain-language summaries of clinical studies, checked.
 *
 * @example
 * import { build } from 'laysum';
 * const report = await build({ inputs: ['samples'], out: 'out', langs: ['de'] });
 */
export { build, check, mergeSites, shardOf, UsageError, type BuildOptions, type BuildReport, type BuildManifest, type MergeOptions, type StudyReport, type SummaryReport, type OutputFormat } from './pipeline/index.js';
export { tuneForBatchBuild, BATCH_INTERRUPT_BUDGET } from './pipeline/tuning.js';
export { boundHeapGrowth, HEAP_GROWING_PERCENT } from './pipeline/memory.js';
export * from './facts/index.js';
export { deriveFacts, peoplePerFigure, type DerivedFacts, type DerivedValue } from './derive/index.js';
export { createTranslator, MissingLocaleKeyError, MissingInterpolationError, type LanguageInfo, type Translator, type LocaleResources, type DatePrecision, type FormattedDate } from './i18n/index.js';
export { createRenderer, buildSummaryModel, escapeMarkdown, gradeSentence, safetyEvents, type SafetyEvent, type SummaryRenderer, type SummaryModel } from './render/index.js';
export { markdownToHtml, htmlDocument, plainTitle, foreignTexts, markdownToText, type MarkdownToTextOptions, parsePressConfig, PressConfig, writeOutputs, type ForeignText, type OutputFile } from './outputs/index.js';
export * from './checks/index.js';
export { renderLeaflet, estimatePrintedHeight, estimateLeafletRoom, FULL_ARRAYS_MAX_HEIGHT, type Leaflet, type LeafletRoom } from './outputs/leaflet/index.js';
export { printPdfs, pdfDate, withFixedDates, pdfPageCount, BrowserNotFoundError, SourceDateEpochError, type PdfJob, type PrintOptions, type PrintedPdf } from './outputs/pdf.js';
export { loadProject, ProjectConfigError, checkLocaleParity, checkCaseForms, checkLocaleSettings, checkEventKinds, checkLocaleValues, checkBandCoverage, checkNumberPlaceholders, checkProjectData, checkUntranslated, PACKAGE_ROOT, type ProjectData, type ReadingLevel } from './project/index.js';
export { parseLanguages, LanguagesError } from './project/languages.js';
export { ConfigError, formatDiagnostic, exitCodeFor, type Diagnostic, type Severity, type Place } from './diagnostics/index.js';
export { reportHtml, reportTable, reportRows, type ReportRow } from './report/index.js';
