// A folded list of article links known only by id (story timelines, event records). Titles are
// fetched when the list is opened, so a long story does not cost one request per article upfront.

import { api } from '../api';
import { h } from '../dom';
import { articlesLabel, formatDate } from '../format';
import { routeHref } from '../router';

const TITLES_FETCHED = 30;

export function articleLink(id: string): HTMLAnchorElement {
  return h('a', { href: routeHref(`/articles/${encodeURIComponent(id)}`), class: 'article-id', dir: 'ltr' }, id);
}

export function articleLinks(ids: string[]): HTMLElement | null {
  if (!ids.length) return null;
  const items = ids.map((id) => ({ id, link: articleLink(id), meta: h('span', { class: 'muted' }) }));
  const list = h('ul', { class: 'article-links' }, items.map(({ link, meta }) => h('li', null, link, meta)));
  const details = h('details', { class: 'articles-fold' }, h('summary', null, `المقالات: ${articlesLabel(ids.length)}`), list);
  let fetched = false;
  details.addEventListener('toggle', () => {
    if (!details.open || fetched) return;
    fetched = true;
    for (const item of items.slice(0, TITLES_FETCHED)) {
      api.article(item.id).then((article) => {
        item.link.textContent = article.title || article.id;
        item.link.setAttribute('dir', 'auto');
        item.link.classList.remove('article-id');
        item.meta.textContent = ` — ${article.source} · ${formatDate(article.date)}`;
      }).catch(() => {
        // The id link still works; the title is a nicety.
      });
    }
  });
  return details;
}
