// The table of PLOVER event records, shared by the event view and the entity page.

import type { EventArgument, EventRecord } from '../api';
import { h } from '../dom';
import { DATE_PRECISIONS, EVENT_MODES, eventTypeName, formatDate, formatNumber, sourcesLabel } from '../format';
import { routeHref } from '../router';
import { articleLink } from './article-links';

const COLUMNS = ['التاريخ', 'النوع', 'الفاعل', 'المفعول به', 'المكان', 'السلسلة', 'الدليل'];

/** On phones the rows stack as cards; data-label gives each cell its column name there. */
export function eventTable(events: EventRecord[]): HTMLElement {
  const body = h('tbody', null, events.map(eventRow));
  for (const row of body.rows) {
    [...row.cells].forEach((cell, index) => {
      cell.setAttribute('data-label', COLUMNS[index]);
      cell.replaceChildren(h('div', { class: 'cell' }, ...cell.childNodes)); // one grid item beside the label
    });
  }
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data-table event-table stack-on-phone' },
    h('thead', null, h('tr', null, COLUMNS.map((title) => h('th', { scope: 'col' }, title)))), body));
}

function eventRow(record: EventRecord): HTMLTableRowElement {
  const sentence = record.sentences[0];
  return h('tr', { id: `record-${record.id}` },
    h('td', { class: 'nowrap' }, h('time', { datetime: record.date }, formatDate(record.date)),
      record.date_precision && record.date_precision !== 'day'
        ? h('span', { class: 'muted date-precision', title: record.date_precision }, ` (${DATE_PRECISIONS[record.date_precision] ?? record.date_precision})`)
        : null),
    h('td', null, h('span', { class: 'event-type', title: record.event, dir: 'auto' }, eventTypeName(record.event)),
      h('span', { class: 'event-code' }, record.event),
      record.mode && record.mode !== 'asserted' ? h('span', { class: 'chip small mode' }, EVENT_MODES[record.mode] ?? record.mode) : null),
    h('td', null, actors(record.source)),
    h('td', null, actors(record.target)),
    h('td', null, record.location ? actor(record.location) : '—'),
    // A round links to every record of its series: the rounds of the talks in date order.
    h('td', null, record.series
      ? h('a', { class: 'series-link', href: routeHref('/events', { series: record.series.name }), dir: 'auto' },
        `${record.series.name} ${formatNumber(record.series.ordinal)}`)
      : '—'),
    h('td', { class: 'evidence' },
      sentence?.text ? h('q', { dir: 'auto' }, sentence.text) : null,
      h('span', { class: 'evidence-links' }, record.articles.slice(0, 3).map(articleLink),
        record.articles.length > 3 ? h('span', { class: 'muted' }, ` +${formatNumber(record.articles.length - 3)}`) : null),
      (record.outlets?.length ?? 0) > 1
        ? h('span', { class: 'muted outlets', title: record.outlets!.join('، ') }, ` · ${sourcesLabel(record.outlets!.length)}`)
        : null));
}

function actors(list: EventArgument[]): Node | string {
  if (!list.length) return '—';
  const span = h('span', { class: 'actors' });
  list.forEach((argument, index) => {
    if (index) span.append('، ');
    span.append(actor(argument));
  });
  return span;
}

/** An event argument: a link to its entity when it was linked to one. */
function actor(argument: EventArgument): Node {
  return argument.entity !== null && argument.entity !== undefined
    ? h('a', { href: routeHref(`/entities/${argument.entity}`), dir: 'auto' }, argument.text)
    : h('span', { dir: 'auto' }, argument.text);
}
