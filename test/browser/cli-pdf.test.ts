import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

function laysum(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'laysum.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('laysum build --format leaflet --pdf', () => {
  it('writes an HTML leaflet and a PDF per study × language', () => {
    const out = join(tempDir(), 'out');
    const r = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', '--out', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const lang of ['en', 'de', 'zh']) {
      expect(existsSync(join(out, lang, 'first-patient-2021', 'leaflet.html'))).toBe(true);
      expect(existsSync(join(out, lang, 'first-patient-2021', 'leaflet.pdf'))).toBe(true);
    }
  });

  it('exits 2 naming the apt package when no browser is found, and --pdf auto only warns', () => {
    const missing = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', '--out', join(tempDir(), 'out')], { LAYSUM_CHROMIUM: '/nonexistent/chromium' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('apt-get install -y chromium fonts-noto-cjk');
    const auto = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', 'auto', '--out', join(tempDir(), 'out')], { LAYSUM_CHROMIUM: '/nonexistent/chromium' });
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(/^warning: no Chromium at \/nonexistent\/chromium: leaflets written as HTML only/m);
  });

  it('--pdf without the leaflet format is a usage error', () => {
    const r = laysum(['build', 'samples', '--pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pdf prints leaflets; add --format leaflet');
  });
});
