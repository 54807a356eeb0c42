/**
 * The site in a real browser: served under a subpath by a local server (and opened from disk),
 * a reader switches language and level by clicking, and nothing is fetched from another host.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/index.js';
import { buildSite, PALETTE, siteIndexFiles } from '../../src/site/index.js';
import { wholeFile } from '../../src/outputs/index.js';
import { tempDir } from '../helpers.js';
import { languages, LEVELS, sitePages, translators } from '../site-helpers.js';
import { launchBrowser } from './browser.js';

const SUBPATH = '/sub/path/';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8' };

/** A static file server for `dir` under SUBPATH only, as a host serving the site from a subfolder. */
function serve(dir: string): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!path.startsWith(SUBPATH)) return void response.writeHead(404).end();
    let file = resolve(root, `.${sep}${path.slice(SUBPATH.length)}`);
    if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(404).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const { pages, markdown, facts } = sitePages();
let dir: string;
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
/** Every URL the browser asked for, from any page. */
const requests: string[] = [];

beforeAll(async () => {
  dir = join(tempDir('laysum-site-'), 'site');
  writeOutputs(dir, buildSite(pages, { languages, levels: LEVELS, translators, baseUrl: 'https://example.org/sub/path/', defaultLang: 'en' }));
  server = await serve(dir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  context = await browser.newContext();
  context.on('request', (request) => requests.push(request.url()));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

const h1 = (page: Page) => page.locator('h1').innerText();
// Expressions run in the page, as strings: the tests' tsconfig has no DOM types.
const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');
const style = (page: Page, selector: string, property: string) => page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`);
const hex = (colour: string) => `rgb(${[1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)).join(', ')})`;

/** Every request since `start` (an index into `requests`) went to the local server, and there were some. */
function expectOwnHostSince(start: number): void {
  const made = requests.slice(start);
  expect(made.length).toBeGreaterThanOrEqual(2); // at least a page and its stylesheet
  for (const url of made) expect(new URL(url).origin, url).toBe(origin);
}

/** Click a link and wait for the page it leads to. */
async function follow(page: Page, link: ReturnType<Page['getByRole']>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

describe('the site in Chromium, served under a subpath', () => {
  it('switches language and level by clicking, in the right language each time, fetching nothing from another host', async () => {
    const start = requests.length;
    const page = await context.newPage();
    const documents: number[] = [];
    page.on('response', (response) => {
      if (['document', 'stylesheet'].includes(response.request().resourceType())) documents.push(response.status());
    });
    await page.goto(`${origin}${SUBPATH}en/mueller-2024/standard.html`);
    expect(await htmlLang(page)).toBe('en');
    expect(await h1(page)).toBe(facts.get('mueller-2024')!.title.en);
    // The relative stylesheet link works under the subpath.
    expect(await style(page, '.site-header', 'backgroundColor')).toBe(hex(PALETTE.band));

    await follow(page, page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }));
    expect(page.url()).toBe(`${origin}${SUBPATH}de/mueller-2024/standard.html`);
    expect(await htmlLang(page)).toBe('de');
    expect(await h1(page)).toBe(facts.get('mueller-2024')!.title.de);
    await expect(page.getByRole('navigation', { name: 'Lesestufe' }).locator('[aria-current="page"]').innerText()).resolves.toBe('Allgemein verständlich');

    await follow(page, page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: '中文' }));
    expect(page.url()).toBe(`${origin}${SUBPATH}zh/mueller-2024/standard.html`);
    expect(await htmlLang(page)).toBe('zh-Hans');
    expect(await h1(page)).toBe(facts.get('mueller-2024')!.title.zh);

    await follow(page, page.getByRole('navigation', { name: '阅读版本' }).getByRole('link', { name: '易读版' }));
    expect(page.url()).toBe(`${origin}${SUBPATH}zh/mueller-2024/easy.html`);
    expect(await htmlLang(page)).toBe('zh-Hans');
    expect(await h1(page)).toBe(facts.get('mueller-2024')!.title.zh);
    const firstSection = markdown.get('mueller-2024/zh/easy')!.match(/^## (.+)$/m)![1]!;
    expect(await page.locator('main h2').first().innerText()).toBe(firstSection);
    await expect(page.getByRole('navigation', { name: '阅读版本' }).locator('[aria-current="page"]').innerText()).resolves.toBe('易读版');
    await expect(page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).getAttribute('href')).resolves.toBe('../../en/mueller-2024/easy.html');

    expect(documents).toEqual(Array(documents.length).fill(200));
    expect(documents.length).toBeGreaterThanOrEqual(8); // 4 pages, each with its stylesheet
    expectOwnHostSince(start);
    await page.close();
  });

  it('serves a study folder as its standard level, and leads from the language chooser to a study and back home', async () => {
    const start = requests.length;
    const page = await context.newPage();
    await page.goto(`${origin}${SUBPATH}de/mueller-2024/`);
    expect(await htmlLang(page)).toBe('de');
    expect(await h1(page)).toBe(facts.get('mueller-2024')!.title.de);

    await page.goto(`${origin}${SUBPATH}`);
    await follow(page, page.getByRole('link', { name: /^中文/ }));
    expect(page.url()).toBe(`${origin}${SUBPATH}zh/index.html`);
    expect(await htmlLang(page)).toBe('zh-Hans');
    expect(await page.locator('main h1').count()).toBe(1);
    // A study of three conditions is listed under each of them.
    expect(await page.locator(`main a[href="mueller-2024/index.html"]`).count()).toBe(3);

    await follow(page, page.locator('main section').first().getByRole('link').first());
    expect(page.url()).toMatch(new RegExp(`${SUBPATH}zh/[a-z0-9-]+/index\\.html$`));
    expect(await htmlLang(page)).toBe('zh-Hans');
    await follow(page, page.getByRole('link', { name: '返回全部研究' }));
    expect(page.url()).toBe(`${origin}${SUBPATH}zh/index.html`);
    expectOwnHostSince(start);
    await page.close();
  });

  it('lets a keyboard user skip to the summary: the first Tab stop is the skip link, and it moves focus to main', async () => {
    const start = requests.length;
    const page = await context.newPage();
    await page.goto(`${origin}${SUBPATH}en/first-patient-2021/expert.html`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.innerText()).toBe('Skip to main content');
    // Visible when focused (moved on screen) and outlined.
    expect(await focused.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    expect(await style(page, ':focus', 'outlineStyle')).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');
    expectOwnHostSince(start);
    await page.close();
  });
});

describe('the site from disk (file://)', () => {
  it('works without a server: relative links and the stylesheet resolve, and nothing is fetched from the network', async () => {
    const local = await browser.newContext();
    const seen: string[] = [];
    local.on('request', (request) => seen.push(request.url()));
    const page = await local.newPage();
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await follow(page, page.getByRole('link', { name: /^Deutsch/ }));
    expect(await htmlLang(page)).toBe('de');
    await follow(page, page.locator(`main a[href="first-patient-2021/index.html"]`).first());
    expect(await h1(page)).toBe(facts.get('first-patient-2021')!.title.de);
    expect(await style(page, '.site-header', 'backgroundColor')).toBe(hex(PALETTE.band));
    await follow(page, page.getByRole('navigation', { name: 'Lesestufe' }).getByRole('link', { name: 'Für Fachkreise' }));
    expect(page.url()).toBe(pathToFileURL(join(dir, 'de', 'first-patient-2021', 'expert.html')).href);
    expect(seen.length).toBeGreaterThan(4);
    for (const url of seen) expect(url.startsWith('file://'), url).toBe(true);
    await local.close();
  });
});

describe('the pages of a condition on a large site, from disk', () => {
  it('lead from the home to a condition and on page by page, by name, in the same page when the language changes', async () => {
    // 450 studies, each of lupus: 5 pages of it.
    const entries = Array.from({ length: 450 }, (_, i) => ({ id: `study-${i + 1}`, conditions: ['sle'], year: 2024, titles: { en: `Study ${i + 1}`, de: `Studie ${i + 1}`, zh: `研究 ${i + 1}` } }));
    const large = join(tempDir('laysum-site-large-'), 'site');
    writeOutputs(large, [...siteIndexFiles(entries, { languages, levels: LEVELS, translators, baseUrl: 'https://example.org/sub/path/', defaultLang: 'en' })].map(wholeFile));
    const local = await browser.newContext();
    const page = await local.newPage();
    await page.goto(pathToFileURL(join(large, 'en', 'index.html')).href);
    await follow(page, page.getByRole('navigation', { name: 'Conditions' }).getByRole('link', { name: 'Lupus' }));
    expect(await h1(page)).toBe('Lupus, page 1 of 5');
    const pages = (name: string) => page.getByRole('navigation', { name });
    await follow(page, pages('Pages').getByRole('link', { name: 'Next page' }));
    expect(page.url()).toBe(pathToFileURL(join(large, 'en', 'condition-sle-2.html')).href);
    expect(await h1(page)).toBe('Lupus, page 2 of 5');
    await expect(pages('Pages').locator('[aria-current="page"]').innerText()).resolves.toBe('2');
    // Page numbers look like the switchers' items, and are named as pages.
    expect(await style(page, '.switcher-pages a', 'borderTopStyle')).toBe('solid');
    await follow(page, pages('Pages').getByRole('link', { name: 'Page 4', exact: true }));
    expect(await h1(page)).toBe('Lupus, page 4 of 5');
    await follow(page, page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }));
    expect(page.url()).toBe(pathToFileURL(join(large, 'de', 'condition-sle-4.html')).href);
    expect(await h1(page)).toBe('Lupus, Seite 4 von 5');
    await follow(page, pages('Seiten').getByRole('link', { name: 'Vorherige Seite' }));
    expect(await h1(page)).toBe('Lupus, Seite 3 von 5');
    await expect(page.locator('main .study-link').count()).resolves.toBe(100);
    await local.close();
  });
});
