// One entity: its spellings, the articles naming it, the entities it appears with, and the
// events naming it (as a timeline chart and a table) when there are event records.

import { api, type Entity, type EventRecord } from '../api';
import { timelineChart, type TimelinePoint } from '../chart';
import { facts, pageHeader } from '../components';
import { emptyState, h, replace } from '../dom';
import { articlesLabel, entityTypeName, eventTypeName, eventsLabel, formatDate, formatDateRange, formatNumber } from '../format';
import { routeHref, type Route } from '../router';
import { eventTable } from './event-table';

export async function renderEntity(root: HTMLElement, route: Route): Promise<void> {
  const entity = await api.entity(route.segments[1]);
  const header = pageHeader(entity.name, h('span', { class: `type-badge type-${entity.type}` }, entityTypeName(entity.type)),
    ' · ', articlesLabel(entity.articles), ' · ', formatDateRange(entity.first_date, entity.last_date));
  replace(root, h('p', { class: 'breadcrumbs' }, h('a', { href: routeHref('/entities') }, 'الكيانات'), ' ‹ ', entityTypeName(entity.type)),
    header,
    h('div', { class: 'two-columns' },
      h('section', null, h('h2', null, 'التهجئات'), aliasList(entity),
        facts([['مرات الذكر', formatNumber(entity.mentions)], ['المقالات', formatNumber(entity.articles)]])),
      h('section', null, h('h2', null, 'يظهر مع'), cooccurring(entity))),
    eventsSection(entity),
    h('section', null, h('h2', null, 'المقالات'), articleList(entity)));
}

function aliasList(entity: Entity): HTMLElement {
  return h('ul', { class: 'chip-list' }, entity.aliases.map((alias) =>
    h('li', { class: 'chip' }, h('span', { dir: 'auto' }, alias.text), h('span', { class: 'count' }, formatNumber(alias.mentions)))));
}

function cooccurring(entity: Entity): HTMLElement {
  if (!entity.cooccurring.length) return emptyState('لا كيانات مشتركة.');
  return h('ul', { class: 'chip-list' }, entity.cooccurring.map((other) =>
    h('li', null, h('a', { class: `chip chip-link type-${other.type}`, href: routeHref(`/entities/${other.id}`), title: entityTypeName(other.type) },
      h('span', { dir: 'auto' }, other.name), h('span', { class: 'count' }, formatNumber(other.articles))))));
}

function articleList(entity: Entity): HTMLElement {
  if (!entity.articles_list.length) return emptyState('لا مقالات.');
  return h('ol', { class: 'plain-list' }, entity.articles_list.map((article) => h('li', null,
    h('a', { href: routeHref(`/articles/${encodeURIComponent(article.id)}`), dir: 'auto' }, article.title || article.id),
    h('span', { class: 'muted' }, ` — ${article.source} · ${formatDate(article.date)}`))));
}

function eventsSection(entity: Entity): HTMLElement | null {
  const events = entity.events ?? [];
  if (!events.length) return null; // No event records yet (or none naming it): nothing to draw.
  const chartBox = h('div', { class: 'chart-box' });
  const section = h('section', { 'aria-label': 'الأحداث' },
    h('h2', null, `الأحداث (${eventsLabel(events.length)})`),
    h('div', { class: 'chart-section' },
      h('p', { class: 'chart-legend muted' }, 'كل دائرة يوم: ارتفاعها بعدد الأحداث ومساحتها بعدد المقالات. الزمن يجري من اليمين إلى اليسار.'),
      chartBox),
    eventTable(events),
    h('p', null, h('a', { href: routeHref('/events', { entity: entity.id }) }, 'كل أحداث هذا الكيان في جدول الأحداث')));
  // Draw once the box is in the document, so the chart knows its size.
  queueMicrotask(() => timelineChart(chartBox, eventsByDay(events), 'عدد الأحداث', (point) => {
    document.getElementById(point.target ?? '')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }));
  return section;
}

/** One point per day: how many events, how many articles, which types. */
function eventsByDay(events: EventRecord[]): TimelinePoint[] {
  const days = new Map<string, EventRecord[]>();
  for (const record of events) days.set(record.date, [...(days.get(record.date) ?? []), record]);
  return [...days.entries()].map(([date, records]) => ({
    date,
    value: records.length,
    size: records.reduce((sum, record) => sum + record.articles.length, 0),
    label: [...new Set(records.map((record) => eventTypeName(record.event)))].join('، '),
    detail: `${eventsLabel(records.length)} · ${articlesLabel(records.reduce((sum, record) => sum + record.articles.length, 0))}`,
    target: `record-${records[0].id}`,
  }));
}
