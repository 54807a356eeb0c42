/**
 * The browser that prints PDFs: how a missing one is named. A path the user chose with
 * LAYSUM_CHROMIUM is named with the variable; `--pdf auto` used to answer it with the apt package,
 * which would not put a browser there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserNotFoundError } from '../src/outputs/pdf.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a missing browser: the remedy for where it was looked for', () => {
  it('laysum\'s own path: the apt package; a path LAYSUM_CHROMIUM gives: that variable (installing Chromium would not put a browser there)', () => {
    vi.stubEnv('LAYSUM_CHROMIUM', undefined);
    expect(new BrowserNotFoundError('/usr/bin/chromium').message).toBe('no Chromium at /usr/bin/chromium; install it with `apt-get install -y chromium fonts-noto-cjk` or set LAYSUM_CHROMIUM to its path');
    vi.stubEnv('LAYSUM_CHROMIUM', '/opt/chromium/chrome');
    const chosen = new BrowserNotFoundError('/opt/chromium/chrome');
    expect(chosen.message).toBe('no Chromium at /opt/chromium/chrome (LAYSUM_CHROMIUM); set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for /usr/bin/chromium');
    expect([chosen.where, chosen.remedy]).toEqual(['/opt/chromium/chrome (LAYSUM_CHROMIUM)', 'set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for /usr/bin/chromium']);
  });
});
