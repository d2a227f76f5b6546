// Search: query + date/source filters, highlighted hits, facets by source and month.

import { api, type Facet, type Params, type SearchHit, type SearchResult } from '../api';
import { dateInput, field, formParams, pageHeader, pager, positiveInt } from '../components';
import { emptyState, h, loading, markedText, replace } from '../dom';
import { articlesLabel, formatDate, formatNumber } from '../format';
import { navigate, routeHref, withQuery, type Route } from '../router';

const EXAMPLES = ['أستانة', '"خفض التصعيد"', 'زلزال -حلب'];

export async function renderSearch(root: HTMLElement, route: Route): Promise<void> {
  const q = route.query.get('q') ?? '';
  const header = pageHeader('البحث في الأرشيف');
  const form = searchForm(route);
  const results = h('section', { class: 'search-results', 'aria-live': 'polite' });
  replace(root, header, form, results);
  if (!q.trim()) {
    replace(results, intro());
    return;
  }
  replace(results, loading());
  const page = positiveInt(route.query.get('page'), 1);
  const answer = await api.search({
    q, page, from: route.query.get('from'), to: route.query.get('to'), source: route.query.get('source'),
  });
  replace(results, ...renderResults(route, answer, page));
}

function searchForm(route: Route): HTMLFormElement {
  const q = route.query;
  const input = h('input', {
    type: 'search', name: 'q', value: q.get('q') ?? '', placeholder: 'كلمات، "عبارة"، -استبعاد، OR',
    'aria-label': 'نص البحث', autocomplete: 'off', dir: 'auto', required: true,
  });
  const form = h('form', { class: 'filters search-form', role: 'search' },
    h('div', { class: 'search-line' }, input, h('button', { type: 'submit' }, 'ابحث')),
    h('div', { class: 'filter-row' },
      field('من تاريخ', dateInput('from', q.get('from'))),
      field('إلى تاريخ', dateInput('to', q.get('to'))),
      field('المصدر', h('input', { type: 'text', name: 'source', value: q.get('source') ?? '', dir: 'auto' }))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/search', formParams(form));
  });
  return form;
}

function intro(): HTMLElement {
  return h('div', { class: 'intro' },
    h('p', null, 'ابحث في المقالات بأي تهجئة: يطابق البحث الكلمة بأشكالها (أستانة وأستانا، الهمزات، التشكيل).'),
    h('p', null, 'أمثلة:'),
    h('ul', { class: 'chip-list' }, EXAMPLES.map((example) =>
      h('li', null, h('a', { class: 'chip chip-link', href: routeHref('/search', { q: example }) }, example)))));
}

function renderResults(route: Route, answer: SearchResult, page: number): Node[] {
  const summary = h('p', { class: 'result-summary' },
    answer.total === 0 ? 'لا نتائج.' : `${formatNumber(answer.total)} نتيجة`,
    ' ', h('span', { class: 'muted' }, '(', h('bdi', { dir: 'ltr' }, `${formatNumber(Math.round(answer.took_ms * 10) / 10)} ms`), ')'));
  const active = activeFilters(route);
  if (answer.hits.length === 0) {
    const empty = emptyState('لم نجد مقالات تطابق البحث.', 'جرّب كلمات أقل أو أزل المرشحات.');
    return active ? [summary, active, empty] : [summary, empty];
  }
  const hits = h('ol', { class: 'hits', start: String((page - 1) * answer.per_page + 1) },
    answer.hits.map(renderHit));
  const layout = h('div', { class: 'with-aside' },
    h('div', { class: 'main-column' }, hits, pager(route, '/search', page, answer.per_page, answer.total, answer.hits.length)),
    facetsFold(

      facetList('المصادر', answer.facets.source, (facet) => withQuery(route, { source: facet.value, page: 1 }),
        (facet) => route.query.get('source') === facet.value),
      facetList('الأشهر', answer.facets.month, (facet) => withQuery(route, { ...monthRange(facet.value), page: 1 }),
        (facet) => route.query.get('from') === monthRange(facet.value).from &&
          route.query.get('to') === monthRange(facet.value).to, formatDate)));
  return active ? [summary, active, layout] : [summary, layout];
}

function renderHit(hit: SearchHit): HTMLElement {
  return h('li', { class: 'hit' },
    h('h2', { class: 'hit-title' }, h('a', { href: routeHref(`/articles/${encodeURIComponent(hit.id)}`) }, ...markedText(hit.title))),
    h('p', { class: 'hit-meta' },
      h('span', { class: 'source', dir: 'auto' }, hit.source), ' · ', h('time', { datetime: hit.date }, formatDate(hit.date)),
      hit.duplicates.length ? h('span', { class: 'muted' }, ` · و${articlesLabel(hit.duplicates.length)} مطابقة`) : null),
    h('p', { class: 'snippet' }, ...markedText(hit.snippet)));
}

/** The first and last day of a "YYYY-MM" facet month. */
function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** Facets beside the hits on a laptop; on a phone, a folded block above them. */
function facetsFold(...sections: (HTMLElement | null)[]): HTMLElement {
  const fold = h('details', { class: 'facets-fold' }, h('summary', null, 'تصفية النتائج حسب المصدر والشهر'),
    h('div', { class: 'facets' }, sections));
  fold.open = window.matchMedia('(min-width: 761px)').matches;
  return h('aside', { 'aria-label': 'تصفية النتائج' }, fold);
}

function facetList(title: string, facets: Facet[], paramsFor: (facet: Facet) => Params,
  isActive: (facet: Facet) => boolean, label: (value: string) => string = (value) => value): HTMLElement | null {
  if (!facets.length) return null;
  return h('section', { class: 'facet' }, h('h2', null, title),
    h('ul', null, facets.map((facet) => {
      const count = h('span', { class: 'count' }, formatNumber(facet.count));
      // "" counts the articles without this value (undated, no outlet): no filter selects them.
      if (!facet.value) return h('li', null, h('span', { class: 'facet-link' }, h('span', { class: 'muted' }, 'غير معروف'), count));
      return h('li', null, h('a', {
        href: routeHref('/search', paramsFor(facet)),
        class: isActive(facet) ? 'facet-link active' : 'facet-link', 'aria-current': isActive(facet) ? 'true' : null,
      }, h('span', { dir: 'auto' }, label(facet.value)), count));
    })));
}

/** The filters in force, each removable with one click. */
function activeFilters(route: Route): HTMLElement | null {
  const chips: HTMLElement[] = [];
  const from = route.query.get('from');
  const to = route.query.get('to');
  const source = route.query.get('source');
  if (source) chips.push(removable(`المصدر: ${source}`, withQuery(route, { source: null, page: 1 })));
  if (from || to) {
    const text = `التاريخ: ${from ? formatDate(from) : '…'} – ${to ? formatDate(to) : '…'}`;
    chips.push(removable(text, withQuery(route, { from: null, to: null, page: 1 })));
  }
  return chips.length ? h('div', { class: 'active-filters' }, h('span', { class: 'muted' }, 'المرشحات:'), chips) : null;
}

function removable(text: string, params: Params): HTMLElement {
  return h('a', { class: 'chip chip-remove', href: routeHref('/search', params), title: 'إزالة المرشح' },
    h('span', { dir: 'auto' }, text), h('span', { 'aria-hidden': 'true' }, ' ×'));
}
