// Browser test of the analyst page against a real `masar serve` (playwright-core + Debian's
// chromium; no browser download).
//
//   MASAR_BIN=build/masar MASAR_DB=build/web-test.db node web/tests/e2e.mjs
//
// Starts `masar serve --db $MASAR_DB --port <free> --web-root web/dist`, waits for /health, walks
// the views (search → story timeline → entity → events + export → article + removed lines) at
// 1280×800 and 390×844, saves screenshots to build/screenshots/, and fails on any console error
// or CSP violation. MASAR_URL=http://127.0.0.1:8080 skips starting a server (dev: the mock).

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(webDir, '..');
const shotsDir = resolve(process.env.SCREENSHOTS_DIR ?? join(repoDir, 'build', 'screenshots'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SEARCH_QUERY = 'أستانا';

const results = [];
let server = null;
const serverLog = [];

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error instanceof Error ? error.stack : error}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function startServer() {
  if (process.env.MASAR_URL) return process.env.MASAR_URL.replace(/\/$/, '');
  const bin = process.env.MASAR_BIN;
  const db = process.env.MASAR_DB;
  assert(bin && db, 'set MASAR_BIN and MASAR_DB (or MASAR_URL for a running server)');
  const port = await freePort();
  const webRoot = process.env.WEB_ROOT ?? join(webDir, 'dist');
  server = spawn(bin, ['serve', '--db', db, '--port', String(port), '--web-root', webRoot], { stdio: ['ignore', 'pipe', 'pipe'] });
  // The access log is kept, and printed only when a check fails.
  for (const stream of [server.stdout, server.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => serverLog.push(...text.split('\n').filter(Boolean)));
  }
  server.on('exit', (code, signal) => {
    if (server) console.log(`masar serve exited early (${code ?? signal})`);
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) return base;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`masar serve did not answer ${base}/health in 15 s`);
}

function stopServer() {
  if (!server) return;
  const running = server;
  server = null;
  running.kill('SIGTERM');
}

/** Console errors and CSP violations seen by any page; expected ones are filtered by `allowed`. */
function watchPage(page, problems) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    // Until /api/events exists the server answers 404 there and the page shows its empty state;
    // chromium still logs the failed fetch as a console error.
    if (/\/api\/events(\?|$)/.test(where) && /status of 404/.test(message.text())) return;
    problems.push(`console error: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

async function shoot(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  const viewport = page.viewportSize();
  const phone = viewport.width < 600;
  const file = join(shotsDir, `${name}-${phone ? 'phone' : 'desktop'}.png`);
  await page.screenshot({ path: file });
  // The whole phone page too: a narrow layout is where things stack, wrap and overlap.
  if (phone) await page.screenshot({ path: join(shotsDir, `${name}-phone-full.png`), fullPage: true });
  return file;
}

async function noHorizontalOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `page is ${overflow}px wider than the ${page.viewportSize().width}px viewport`);
}

async function canvasDrawn(page, selector) {
  return page.$eval(selector, (canvas) => {
    const box = canvas.getBoundingClientRect();
    const context = canvas.getContext('2d');
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
    return { width: box.width, height: box.height, painted };
  });
}

async function run() {
  const base = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'masar-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: 'ar',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  const page = context.pages()[0] ?? await context.newPage();
  // Reported to Node as they happen, so a later navigation cannot lose them.
  await page.exposeFunction('__reportCspViolation', (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  watchPage(page, problems);
  const shots = [];

  try {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const size = viewport.width < 600 ? 'phone' : 'desktop';
      await page.setViewportSize(viewport);

      await check(`${size}: page is Arabic and right-to-left`, async () => {
        await page.goto(`${base}/`);
        await page.waitForSelector('.search-form input[name=q]');
        const root = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir,
          direction: getComputedStyle(document.body).direction }));
        assert(root.lang === 'ar' && root.dir === 'rtl' && root.direction === 'rtl', `html is ${JSON.stringify(root)}`);
        const fontReady = await page.evaluate(async () => {
          await document.fonts.ready;
          return document.fonts.check("16px 'IBM Plex Sans Arabic'", 'مسار');
        });
        assert(fontReady, 'the bundled Arabic font did not load');
      });

      await check(`${size}: search shows highlighted hits and facets`, async () => {
        await page.fill('.search-form input[name=q]', SEARCH_QUERY);
        await page.press('.search-form input[name=q]', 'Enter');
        await page.waitForSelector('.hit');
        const marks = await page.$$eval('.hit mark', (nodes) => nodes.map((node) => node.textContent));
        assert(marks.length > 0 && marks.every((text) => text.trim().length > 0), `no highlighted words (${marks.length})`);
        assert(await page.$('a.facet-link'), 'no facets');
        assert(!(await page.$('.hit script, .hit [style]')), 'markup leaked from the API text');
        await noHorizontalOverflow(page);
        shots.push(await shoot(page, 'search'));
        if (await page.$('.pager a[rel=next]')) {
          // The next page continues the numbering and keeps the query.
          await page.click('.pager a[rel=next]');
          await page.waitForFunction(() => location.hash.includes('page=2'));
          await page.waitForSelector('ol.hits[start="21"] .hit');
          await page.click('.pager a[rel=prev]');
          await page.waitForSelector('ol.hits[start="1"] .hit');
        }
        // A source facet narrows the hits to that source (on a phone the facets are folded first).
        if (await page.$('.facets-fold:not([open])')) await page.click('.facets-fold > summary');
        const facet = await page.$('a.facet-link');
        const source = await facet.$eval('span', (span) => span.textContent);
        await facet.click();
        await page.waitForFunction((value) => new URLSearchParams(location.hash.split('?')[1] ?? '').get('source') === value, source);
        await page.waitForSelector('.active-filters .chip-remove');
        const sources = await page.$$eval('.hit .source', (nodes) => nodes.map((node) => node.textContent));
        assert(sources.length > 0 && sources.every((text) => text === source), `facet ${source} left ${sources}`);
      });

      await check(`${size}: story page draws its timeline`, async () => {
        await page.click('.site-nav a[data-section=stories]');
        await page.waitForSelector('.cards .card-title a');
        shots.push(await shoot(page, 'stories'));
        await page.click('.cards .card-title a');
        await page.waitForSelector('.chart-box canvas');
        await page.waitForSelector('.timeline-event');
        await page.waitForTimeout(300); // the font redraw
        const drawn = await canvasDrawn(page, '.chart-box canvas');
        assert(drawn.width > 100 && drawn.height > 100 && drawn.painted > 500, `chart not drawn: ${JSON.stringify(drawn)}`);
        await noHorizontalOverflow(page);
        shots.push(await shoot(page, 'story'));
      });

      await check(`${size}: entity list and entity page`, async () => {
        await page.click('.site-nav a[data-section=entities]');
        await page.waitForSelector('.entity-table tbody a');
        shots.push(await shoot(page, 'entities'));
        await page.click('.entity-table tbody a');
        await page.waitForSelector('.page-header h1');
        await page.waitForSelector('.chip-list .chip');
        const articles = await page.$$('.plain-list li a');
        assert(articles.length > 0, 'entity page lists no articles');
        if (await page.$('.chart-box')) {
          // The entity has event records: their timeline is drawn too.
          await page.waitForSelector('.chart-box canvas');
          await page.waitForTimeout(300);
          const drawn = await canvasDrawn(page, '.chart-box canvas');
          assert(drawn.width > 100 && drawn.height > 100 && drawn.painted > 500, `entity chart not drawn: ${JSON.stringify(drawn)}`);
        }
        await noHorizontalOverflow(page);
        shots.push(await shoot(page, 'entity'));
      });

      await check(`${size}: event table, filters and export`, async () => {
        await page.click('.site-nav a[data-section=events]');
        // Scoped to the events page: the entity page it comes from has an event table too.
        await page.waitForSelector('.event-results .event-table, .event-results .empty-state');
        const live = Boolean(await page.$('.event-results .event-table'));
        let type = 'CONSULT';
        if (live) {
          // Every record as CSV (the export link of the unfiltered table), then filter by a type it has.
          const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format=csv]')]);
          const text = readFileSync(await download.path(), 'utf8');
          const header = text.split('\n')[0].split(',');
          assert(header[0] === 'id' && header.includes('event') && header.includes('date'), `CSV export header: ${header}`);
          assert(text.trim().split('\n').length > 1, 'CSV export has no rows');
          type = (await page.textContent('.event-results .event-table .event-code')).trim();
        }
        await page.selectOption('select[name=type]', type);
        await page.fill('input[name=from]', '2017-01-01');
        await page.click('.filters button[type=submit]');
        await page.waitForFunction((code) => location.hash.includes(`type=${code}`), type);
        // The filtered answer, not the table still shown from before the filter.
        await page.waitForFunction((code) => {
          const codes = [...document.querySelectorAll('.event-results .event-table .event-code')].map((node) => node.textContent);
          return document.querySelector('.event-results .empty-state') !== null || (codes.length > 0 && codes.every((c) => c === code));
        }, type);
        const csv = await page.$eval('a[data-format=csv]', (a) => a.href);
        const jsonl = await page.$eval('a[data-format=jsonl]', (a) => a.href);
        for (const href of [csv, jsonl]) {
          const url = new URL(href);
          assert(url.pathname === '/api/events' && url.searchParams.get('type') === type &&
            url.searchParams.get('from') === '2017-01-01', `export link ${href} lost the filters`);
        }
        if (live) {
          const codes = await page.$$eval('.event-results .event-table .event-code', (nodes) => nodes.map((node) => node.textContent));
          assert(codes.length > 0 && codes.every((code) => code === type), `type filter ${type} left ${codes}`);
          const answer = await page.request.get(jsonl);
          const records = (await answer.text()).trim().split('\n').map((line) => JSON.parse(line));
          assert(answer.ok() && records.length >= codes.length && records.every((record) => record.event === type),
            `JSON Lines export of ${type}: ${answer.status()}, ${records.length} records`);
        } else {
          // No records, or no /api/events on this server (404): an empty state, and no export
          // links offered for an endpoint that is not there.
          const probe = await page.request.get(csv);
          assert(probe.ok() || probe.status() === 404, `export answered ${probe.status()}`);
          if (probe.status() === 404) assert(!(await page.isVisible('.export-links')), 'export links offered without events');
          assert((await page.textContent('.event-results .empty-state')).length > 0, 'no empty state');
        }
        if (live) {
          // A round links to its series: every record shown is of that series.
          await page.goto(`${base}/#/events?series=${encodeURIComponent('أستانة')}&type=CONSULT`);
          await page.waitForSelector('.event-results .event-table, .event-results .empty-state');
          const series = await page.$$eval('.event-results .event-table .series-link', (nodes) => nodes.map((node) => node.textContent));
          assert(series.length > 0 && series.every((text) => text.startsWith('أستانا')), `series filter left ${series}`);
          assert((await page.inputValue('input[name=series]')) === 'أستانة', 'series filter not shown in the form');
        }
        await noHorizontalOverflow(page);
        shots.push(await shoot(page, 'events'));
      });

      await check(`${size}: article with removed lines on request`, async () => {
        // Walk the hits until one has removed lines (pages come with boilerplate; plain texts may not).
        await page.goto(`${base}/#/search?q=${encodeURIComponent(SEARCH_QUERY)}`);
        await page.waitForSelector('.hit-title a');
        const hrefs = await page.$$eval('.hit-title a', (links) => links.map((a) => a.getAttribute('href')));
        let found = false;
        for (const href of hrefs) {
          await page.goto(`${base}/${href}`);
          await page.waitForSelector('.article-body p, .error-box');
          if (await page.$('button.toggle')) {
            found = true;
            break;
          }
        }
        assert(found, `none of ${hrefs.length} hits has removed lines`);
        assert(await page.$eval('#removed-lines', (list) => list.hidden), 'removed lines shown before asked');
        await page.click('button.toggle');
        assert(await page.$eval('button.toggle', (b) => b.getAttribute('aria-expanded')) === 'true', 'toggle not expanded');
        const lines = await page.$$eval('#removed-lines li', (items) => items.filter((li) => li.offsetHeight > 0).length);
        assert(lines > 0, 'removed lines not visible after the toggle');
        const reasons = await page.$$eval('#removed-lines .reason', (nodes) => nodes.map((node) => node.textContent));
        assert(reasons.every((text) => text.length > 0), 'a removed line without its reason');
        await noHorizontalOverflow(page);
        shots.push(await shoot(page, 'article'));
      });
    }

    if (server) {
      // Last, as it adds an article: hostile text through the real ingest and search paths.
      await check('API text is shown as text, never as markup', async () => {
        const word = 'اختبارالهروب';
        const article = {
          id: 'e2e-escape-1', date: '2024-12-01', source: 'مصدر الاختبار', url: 'javascript:alert(3)',
          title: `${word} <img src=x onerror=alert(1)> & "اقتباس"`,
          text: `فقرة أولى عن ${word} <b>غامق</b> & نهاية الفقرة الأولى هنا.\nفقرة ثانية <script>alert(2)</script> للتأكد من ${word} مرة أخرى.`,
        };
        const response = await page.request.post(`${base}/api/articles`, {
          data: JSON.stringify(article) + '\n', headers: { 'Content-Type': 'application/x-ndjson' },
        });
        const answer = await response.text();
        assert(response.ok() && /"result":\s*"(inserted|updated|unchanged)"/.test(answer), `POST /api/articles: ${response.status()} ${answer}`);
        await page.goto(`${base}/#/search?q=${encodeURIComponent(word)}`);
        await page.waitForSelector('.hit mark');
        assert(!(await page.$('.hit img, .hit b, .hit script')), 'API text became markup in a hit');
        const title = await page.textContent('.hit-title');
        assert(title.includes('<img src=x') && title.includes('& "'), `hit title decoded wrongly: ${title}`);
        await page.click('.hit-title a');
        await page.waitForSelector('.article-body p');
        assert(!(await page.$('.article-body b, .article-body script, .page-header img')), 'API text became markup in the article');
        const body = await page.textContent('.article-body');
        assert(body.includes('<b>غامق</b>'), `article text changed: ${body}`);
        assert(!(await page.$('a.url')), 'a javascript: URL became a link');
      });
    }

    await check('no console errors and no CSP violations', async () => {
      assert(problems.length === 0, problems.join('\n'));
    });
    await check('the server sends the CSP header', async () => {
      const response = await page.request.get(`${base}/`);
      const csp = response.headers()['content-security-policy'] ?? '';
      assert(csp.includes("script-src 'self'"), `CSP header is "${csp}"`);
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    stopServer();
  }
  console.log(`screenshots: ${shots.length} in ${shotsDir}`);
}

try {
  await run();
} catch (error) {
  results.push({ name: 'setup', ok: false });
  console.log(`FAIL setup: ${error instanceof Error ? error.stack : error}`);
  stopServer();
}
const failed = results.filter((result) => !result.ok).length;
if (failed && serverLog.length) console.log(`masar serve, last lines:\n${serverLog.slice(-40).join('\n')}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
