// Small pieces shared by the views: page header, pager, chips, form fields.

import { h } from './dom';
import { formatNumber } from './format';
import { routeHref, withQuery, type Route } from './router';

export function pageHeader(title: string, ...meta: (Node | string | null)[]): HTMLElement {
  document.title = `${title} — مسار`;
  return h('header', { class: 'page-header' }, h('h1', null, title),
    meta.length ? h('p', { class: 'page-meta' }, ...meta) : null);
}

/** Previous/next links for a paged answer; hidden when everything fits on one page. */
export function pager(route: Route, path: string, page: number, perPage: number, total: number | undefined, shown: number): HTMLElement | null {
  const hasNext = total !== undefined ? page * perPage < total : shown >= perPage;
  if (page <= 1 && !hasNext) return null;
  const pages = total !== undefined ? Math.max(1, Math.ceil(total / perPage)) : undefined;
  return h('nav', { class: 'pager', 'aria-label': 'الصفحات' },
    page > 1 ? h('a', { href: routeHref(path, withQuery(route, { page: page - 1 })), rel: 'prev' }, '→ السابق') : h('span'),
    h('span', { class: 'pager-position' }, pages ? `صفحة ${formatNumber(page)} من ${formatNumber(pages)}` : `صفحة ${formatNumber(page)}`),
    hasNext ? h('a', { href: routeHref(path, withQuery(route, { page: page + 1 })), rel: 'next' }, 'التالي ←') : h('span'));
}

export function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input);
}

export function dateInput(name: string, value: string | null): HTMLInputElement {
  return h('input', { type: 'date', name, value: value ?? '', dir: 'ltr' });
}

/** Reads a filter form into parameters, dropping empty values; page resets to 1. */
export function formParams(form: HTMLFormElement): Record<string, string> {
  const params: Record<string, string> = {};
  new FormData(form).forEach((value, name) => {
    const text = String(value).trim();
    if (text) params[name] = text;
  });
  return params;
}

export function positiveInt(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** A definition list of label → value rows. */
export function facts(rows: [string, Node | string][]): HTMLElement {
  return h('dl', { class: 'facts' }, rows.map(([label, value]) => [h('dt', null, label), h('dd', null, value)]));
}
