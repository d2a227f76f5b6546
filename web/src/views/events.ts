// The event table (PLOVER records): filters by type, entity, numbered series and dates, export links for the
// current filters. Until the server has /api/events (it answers 404), a clear empty state.

import { ApiError, api, apiUrl, type Params } from '../api';
import { dateInput, field, formParams, pageHeader, pager, positiveInt } from '../components';
import { emptyState, h, loading, replace } from '../dom';
import { EVENT_TYPES, eventsLabel } from '../format';
import { navigate, type Route } from '../router';
import { eventTable } from './event-table';

export async function renderEvents(root: HTMLElement, route: Route): Promise<void> {
  const filters = currentFilters(route);
  const entityName = h('p', { class: 'muted entity-filter-name' });
  const results = h('section', { class: 'event-results' }, loading());
  const exports = exportLinks(filters);
  replace(root, pageHeader('الأحداث'), eventsForm(route), entityName, exports, results);
  // `entity` is an id ("7" or "N7") or words of a name; an id is shown by its name.
  const entityId = /^N?(\d+)$/.exec(String(filters.entity ?? ''))?.[1];
  if (entityId) {
    api.entity(entityId)
      .then((entity) => (entityName.textContent = `أحداث الكيان: ${entity.name}`))
      .catch(() => (entityName.textContent = ''));
  }
  const page = positiveInt(route.query.get('page'), 1);
  let answer;
  try {
    answer = await api.events({ ...filters, page });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      exports.hidden = true; // nothing to export
      // With an entity filter, 404 means no entity has that name or id; without one, a server
      // that has no /api/events (older than the event records).
      replace(results, filters.entity
        ? emptyState(`لا كيان يطابق «${filters.entity}».`, 'اكتب اسمًا آخر أو رقم كيان من صفحة الكيانات.')
        : emptyState('لا سجلات أحداث بعد.', 'لم يستخرج الخادم أحداثًا (PLOVER) من هذا الأرشيف بعد.'));
      return;
    }
    throw error;
  }
  if (!answer.events.length) {
    replace(results, emptyState('لا أحداث تطابق هذه المرشحات.', hasFilters(filters) ? 'جرّب مرشحات أوسع.' : undefined));
    return;
  }
  const total = answer.total ?? answer.events.length;
  replace(results, h('p', { class: 'result-summary' }, eventsLabel(total)),
    eventTable(answer.events),
    pager(route, '/events', page, answer.per_page, answer.total, answer.events.length));
}

function currentFilters(route: Route): Params {
  const q = route.query;
  return { type: q.get('type'), entity: q.get('entity'), series: q.get('series'), from: q.get('from'), to: q.get('to') };
}

function hasFilters(filters: Params): boolean {
  return Object.values(filters).some((value) => value !== null && value !== undefined && value !== '');
}

function eventsForm(route: Route): HTMLFormElement {
  const q = route.query;
  const type = q.get('type') ?? '';
  const form = h('form', { class: 'filters', 'aria-label': 'تصفية الأحداث' },
    h('div', { class: 'filter-row' },
      field('النوع', h('select', { name: 'type' },
        h('option', { value: '', selected: type === '' }, 'كل الأنواع'),
        Object.entries(EVENT_TYPES).map(([code, name]) => h('option', { value: code, selected: type === code }, `${name} (${code})`)))),
      field('الكيان (اسم أو رقم)', h('input', { type: 'search', name: 'entity', value: q.get('entity') ?? '', dir: 'auto' })),
      field('السلسلة (مثل أستانا)', h('input', { type: 'search', name: 'series', value: q.get('series') ?? '', dir: 'auto' })),
      field('من تاريخ', dateInput('from', q.get('from'))),
      field('إلى تاريخ', dateInput('to', q.get('to'))),
      h('button', { type: 'submit' }, 'تصفية')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/events', formParams(form));
  });
  return form;
}

/** Download links for every record matching the filters (the exports are not paged). */
function exportLinks(filters: Params): HTMLElement {
  const link = (format: string, label: string) => h('a', {
    class: 'button-link', href: apiUrl('/api/events', { ...filters, format }), download: `masar-events.${format}`,
    'data-format': format,
  }, label);
  return h('p', { class: 'export-links' }, h('span', { class: 'muted' }, 'تصدير كل ما يطابق المرشحات: '),
    link('csv', 'CSV'), ' ', link('jsonl', 'JSON Lines'));
}
