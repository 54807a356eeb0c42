/**
 * Shared launcher for browser tests: Debian's Chromium driven by playwright-core.
 * CI installs it (.ci/run: apt-get install chromium fonts-noto-cjk poppler-utils).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.LAYSUM_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(): Promise<Browser> {
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium fonts-noto-cjk\``);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
