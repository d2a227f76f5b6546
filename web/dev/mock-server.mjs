// DEV AID ONLY — not a test and not the server. A throwaway imitation of docs/api.md over the
// demo corpus's wire.jsonl, to work on the page before `masar serve` exists. The real check is
// tests/e2e.mjs against the real server.
//
//   node web/dev/mock-server.mjs [port]          (serves web/dist with the server's CSP)
//   MOCK_EVENTS=1 node web/dev/mock-server.mjs   (answers /api/events with made-up records)

import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dist = join(here, '..', 'dist');
const port = Number(process.argv[2] ?? 8080);
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const articles = readFileSync(join(root, 'examples/demo-corpus/wire.jsonl'), 'utf8').trim().split('\n')
  .map((line) => JSON.parse(line))
  .map((a) => ({
    id: a.id, title: a.title, date: String(a.date ?? '').slice(0, 10), source: a.source ?? '', url: a.url ?? '',
    paragraphs: String(a.text ?? '').split('\n').filter(Boolean),
  }))
  .sort((a, b) => a.date.localeCompare(b.date));
articles.forEach((a, i) => {
  a.removed = i % 3 === 0 ? [{ text: 'اقرأ أيضاً: <script>alert(1)</script> خبر آخر', reason: 'read-also' },
    { text: 'تابعونا على فيسبوك وتويتر', reason: 'follow-share' }] : [];
});

const storyRules = [
  { id: 1, label: 'محادثات أستانا حول سوريا', test: /أستان|نور سلطان|سوتشي/ },
  { id: 2, label: 'زلزال شباط 2023 والمعابر', test: /زلزال|الزلزال|باب الهوى/ },
  { id: 3, label: 'أخبار أخرى', test: /./ },
];
for (const a of articles) a.story = storyRules.find((r) => r.test.test(a.title + a.paragraphs.join(' '))).id;

const entityDefs = [
  { id: 1, name: 'أستانا', type: 'LOC', aliases: ['أستانا', 'أستانة', 'نور سلطان'] },
  { id: 2, name: 'روسيا', type: 'LOC', aliases: ['روسيا'] },
  { id: 3, name: 'تركيا', type: 'LOC', aliases: ['تركيا'] },
  { id: 4, name: 'ستيفان دي ميستورا', type: 'PER', aliases: ['ستيفان دي ميستورا', 'دي ميستورا'] },
  { id: 5, name: 'الأمم المتحدة', type: 'ORG', aliases: ['الأمم المتحدة'] },
];
const textOf = (a) => a.title + '\n' + a.paragraphs.join('\n');
const count = (text, word) => text.split(word).length - 1;
for (const e of entityDefs) {
  e.aliases = e.aliases.map((text) => ({ text, mentions: articles.reduce((n, a) => n + count(textOf(a), text), 0) }));
  e.article_ids = articles.filter((a) => e.aliases.some((al) => textOf(a).includes(al.text))).map((a) => a.id);
  e.mentions = e.aliases.reduce((n, al) => n + al.mentions, 0);
}
const entities = entityDefs.filter((e) => e.article_ids.length);
const byId = new Map(articles.map((a) => [a.id, a]));
const summaryOfEntity = (e) => {
  const dates = e.article_ids.map((id) => byId.get(id).date).sort();
  return { id: e.id, name: e.name, type: e.type, aliases: e.aliases, articles: e.article_ids.length, mentions: e.mentions,
    first_date: dates[0] ?? '', last_date: dates.at(-1) ?? '' };
};

const events = articles.filter((a) => a.story === 1).map((a, i) => ({
  id: i + 1, event: ['CONSULT', 'AGREE', 'REJECT', 'SUPPORT'][i % 4], mode: 'asserted', date: a.date, date_precision: 'day',
  source: [{ text: 'روسيا', entity: 2 }], target: [{ text: 'تركيا', entity: 3 }],
  location: { text: 'أستانا', entity: 1 }, series: { name: 'أستانا', ordinal: i + 1 },
  articles: [a.id], sentences: [{ article: a.id, index: 0, text: a.paragraphs[0] ?? '' }],
}));

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const highlight = (text, words) => {
  let out = escapeHtml(text);
  for (const w of words) out = out.split(escapeHtml(w)).join(`<mark>${escapeHtml(w)}</mark>`);
  return out;
};

function storySummary(id) {
  const rule = storyRules.find((r) => r.id === id);
  const list = articles.filter((a) => a.story === id);
  return { id, label: rule.label, first_date: list[0]?.date ?? '', last_date: list.at(-1)?.date ?? '',
    events: list.length, articles: list.length, sources: [...new Set(list.map((a) => a.source))] };
}

function paged(items, url) {
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 20)));
  return { page, per_page: perPage, total: items.length, items: items.slice((page - 1) * perPage, page * perPage) };
}

function inDates(date, url) {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  return (!from || date >= from) && (!to || date <= to);
}

const routes = [
  [/^\/health$/, () => ({ status: 'ok', articles: articles.length, schema_version: 4 })],
  [/^\/api\/search$/, (url) => {
    const q = url.searchParams.get('q') ?? '';
    const words = q.replace(/"/g, '').split(/\s+/).filter((w) => w && !w.startsWith('-'));
    const source = url.searchParams.get('source');
    const hits = articles.filter((a) => words.some((w) => textOf(a).includes(w)) && inDates(a.date, url) && (!source || a.source === source));
    const facet = (key) => Object.entries(hits.reduce((m, a) => ((m[key(a)] = (m[key(a)] ?? 0) + 1), m), {}))
      .map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count);
    const p = paged(hits, url);
    return { query: q, took_ms: 1.2, page: p.page, per_page: p.per_page, total: p.total,
      hits: p.items.map((a, i) => {
        const body = a.paragraphs.join(' ');
        const at = Math.max(0, Math.min(...words.map((w) => body.indexOf(w)).filter((n) => n >= 0), 0) - 40);
        return { id: a.id, title: highlight(a.title, words), date: a.date, source: a.source,
          snippet: highlight('…' + body.slice(at, at + 220) + '…', words), score: 10 - i, duplicates: i === 0 ? ['copy-1'] : [] };
      }),
      facets: { source: facet((a) => a.source), month: facet((a) => a.date.slice(0, 7)) } };
  }],
  [/^\/api\/articles\/(.+)$/, (url, id) => {
    const a = byId.get(decodeURIComponent(id));
    if (!a) return [404, { error: { code: 'not_found', message: `no article ${id}` } }];
    return { ...a, duplicate_of: null, duplicates: [], event: null, story: a.story,
      entities: entities.filter((e) => e.article_ids.includes(a.id)).map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: 1 })) };
  }],
  [/^\/api\/stories$/, (url) => {
    const p = paged(storyRules.map((r) => storySummary(r.id)).filter((s) => s.articles), url);
    return { page: p.page, per_page: p.per_page, total: p.total, stories: p.items };
  }],
  [/^\/api\/stories\/(\d+)$/, (url, id) => {
    if (!storyRules.some((r) => r.id === Number(id))) return [404, { error: { code: 'not_found', message: `no story ${id}` } }];
    return { ...storySummary(Number(id)), timeline: articles.filter((a) => a.story === Number(id)).map((a, i) => ({
      id: 100 + i, label: a.title, first_date: a.date, last_date: a.date, articles: 1 + (i % 4), copies: i % 2,
      sources: [a.source, ...(i % 3 ? ['مدار اليوم'] : [])], article_ids: [a.id] })) };
  }],
  [/^\/api\/entities$/, (url) => {
    const q = url.searchParams.get('q');
    const type = url.searchParams.get('type');
    const list = entities.filter((e) => (!q || e.aliases.some((al) => al.text.includes(q))) && (!type || e.type === type));
    const p = paged(list.map(summaryOfEntity), url);
    return { page: p.page, per_page: p.per_page, total: p.total, entities: p.items };
  }],
  [/^\/api\/entities\/(\d+)$/, (url, id) => {
    const e = entities.find((x) => x.id === Number(id));
    if (!e) return [404, { error: { code: 'not_found', message: `no entity ${id}` } }];
    return { ...summaryOfEntity(e),
      articles_list: e.article_ids.map((aid) => byId.get(aid)).map(({ id, title, date, source }) => ({ id, title, date, source })).reverse(),
      cooccurring: entities.filter((o) => o !== e).map((o) => ({ id: o.id, name: o.name, type: o.type,
        articles: o.article_ids.filter((x) => e.article_ids.includes(x)).length })).filter((o) => o.articles),
      events: process.env.MOCK_EVENTS ? events.filter((r) => [...r.source, ...r.target, r.location].some((x) => x?.entity === e.id)) : [] };
  }],
  [/^\/api\/events$/, (url) => {
    if (!process.env.MOCK_EVENTS) return [404, { error: { code: 'not_found', message: 'no route /api/events' } }];
    const type = url.searchParams.get('type');
    const entity = Number(url.searchParams.get('entity') ?? 0);
    const list = events.filter((r) => (!type || r.event === type) && inDates(r.date, url) &&
      (!entity || [...r.source, ...r.target, r.location].some((x) => x?.entity === entity)));
    const format = url.searchParams.get('format') ?? 'json';
    if (format === 'jsonl') return ['raw', 'application/x-ndjson', list.map((r) => JSON.stringify(r)).join('\n') + '\n'];
    if (format === 'csv') return ['raw', 'text/csv', 'id,date,date_precision,event,mode,source,source_entities,target,target_entities,location,location_entity,series,ordinal,articles,sentences,first_article\n' +
      list.map((r) => [r.id, r.date, r.date_precision, r.event, r.mode, '', '', '', '', '', '', '', '', r.articles.length, r.sentences.length, r.articles[0]].join(',')).join('\n') + '\n'];
    const p = paged(list, url);
    return { page: p.page, per_page: p.per_page, total: p.total, events: p.items };
  }],
];

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff' };

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  res.setHeader('Content-Security-Policy', CSP);
  for (const [pattern, handler] of routes) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    let answer = handler(url, ...match.slice(1));
    if (Array.isArray(answer) && answer[0] === 'raw') {
      res.writeHead(200, { 'Content-Type': answer[1] });
      return res.end(answer[2]);
    }
    const status = Array.isArray(answer) ? answer[0] : 200;
    if (Array.isArray(answer)) answer = answer[1];
    res.writeHead(status, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify(answer));
  }
  const file = join(dist, url.pathname === '/' ? 'index.html' : url.pathname.replace(/\.\./g, ''));
  if (existsSync(file) && statSync(file).isFile()) {
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    return res.end(readFileSync(file));
  }
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: { code: 'not_found', message: 'no such path' } }));
}).listen(port, '127.0.0.1', () => console.log(`mock masar API on http://127.0.0.1:${port}/`));
