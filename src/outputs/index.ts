/** Outputs stage: rendered Markdown → the files a reader opens. */
export { markdownToHtml, htmlDocument, plainTitle, escapeHtml, type HtmlPageOptions } from './html.js';
export { writeOutputs, OutputWriteError, type OutputFile } from './write.js';
export { markdownToText } from './text.js';
export { PressConfig, parsePressConfig, pressNames } from './press.js';
