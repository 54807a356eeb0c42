/** Outputs stage: rendered Markdown → the files a reader opens. */
export { markdownToHtml, htmlDocument, plainTitle, escapeHtml, citationTitleLanguage, foreignTexts, type ForeignText, type HtmlPageOptions } from './html.js';
export { writeOutputs, openStaging, pathInOutput, writeFilesInto, writeErrorReason, wholeFile, OutputWriteError, OUTPUT_MARKER, type OutputFile, type StagingFolder, type StreamedFile, type WritableFile } from './write.js';
export { markdownToText, type MarkdownToTextOptions } from './text.js';
export { PressConfig, parsePressConfig, pressNames } from './press.js';
