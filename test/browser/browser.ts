/**
 * Shared launcher for browser tests: Debian's Chromium driven by playwright-core, with the
 * same executable and flags laysum prints PDFs with. CI installs it (.ci/run: apt-get install
 * chromium fonts-noto-cjk poppler-utils).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, defaultChromiumPath } from '../../src/outputs/pdf.js';

export const CHROMIUM = defaultChromiumPath();
export { CHROMIUM_ARGS };

function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(): Promise<Browser> {
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium fonts-noto-cjk\``);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
