// Entity list and search: people, places, organizations, every spelling linked to one entity.

import { api, type EntitySummary } from '../api';
import { field, formParams, pageHeader, pager, positiveInt } from '../components';
import { emptyState, h, loading, replace } from '../dom';
import { ENTITY_TYPES, entityTypeName, formatDateRange, formatNumber } from '../format';
import { navigate, routeHref, type Route } from '../router';

const ALIASES_SHOWN = 4;

export async function renderEntities(root: HTMLElement, route: Route): Promise<void> {
  const results = h('section', null, loading());
  replace(root, pageHeader('الكيانات'), entitiesForm(route), results);
  const page = positiveInt(route.query.get('page'), 1);
  const answer = await api.entities({ q: route.query.get('q'), type: route.query.get('type'), page });
  if (!answer.entities.length) {
    replace(results, emptyState('لا كيانات تطابق البحث.'));
    return;
  }
  replace(results, h('div', { class: 'table-scroll' }, entityTable(answer.entities)),
    pager(route, '/entities', page, answer.per_page, answer.total, answer.entities.length));
}

function entitiesForm(route: Route): HTMLFormElement {
  const q = route.query;
  const type = q.get('type') ?? '';
  const form = h('form', { class: 'filters', role: 'search' },
    h('div', { class: 'filter-row' },
      field('الاسم', h('input', { type: 'search', name: 'q', value: q.get('q') ?? '', dir: 'auto' })),
      field('النوع', h('select', { name: 'type' },
        h('option', { value: '', selected: type === '' }, 'الكل'),
        Object.entries(ENTITY_TYPES).map(([code, name]) => h('option', { value: code, selected: type === code }, name)))),
      h('button', { type: 'submit' }, 'بحث')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/entities', formParams(form));
  });
  return form;
}

function entityTable(entities: EntitySummary[]): HTMLTableElement {
  return h('table', { class: 'data-table entity-table' },
    h('thead', null, h('tr', null, ['الاسم', 'النوع', 'تهجئات أخرى', 'المقالات'].map((title) => h('th', { scope: 'col' }, title)),
      ['الذكر', 'الفترة'].map((title) => h('th', { scope: 'col', class: 'wide-only' }, title)))),
    h('tbody', null, entities.map((entity) => h('tr', null,
      h('td', null, h('a', { href: routeHref(`/entities/${entity.id}`), dir: 'auto' }, entity.name)),
      h('td', null, h('span', { class: `type-badge type-${entity.type}` }, entityTypeName(entity.type))),
      h('td', { class: 'aliases-cell' }, aliasesText(entity)),
      h('td', { class: 'num' }, formatNumber(entity.articles)),
      h('td', { class: 'num wide-only' }, formatNumber(entity.mentions)),
      h('td', { class: 'nowrap wide-only' }, formatDateRange(entity.first_date, entity.last_date))))));
}

function aliasesText(entity: EntitySummary): string {
  const others = entity.aliases.filter((alias) => alias.text !== entity.name);
  const shown = others.slice(0, ALIASES_SHOWN).map((alias) => alias.text).join('، ');
  return others.length > ALIASES_SHOWN ? `${shown}، …` : shown;
}
