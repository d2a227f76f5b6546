// One article: the cleaned paragraphs; on request, the lines the cleaner removed and why;
// its duplicates, story/event, and the entities it names.

import { api, type Article, type ArticleEntity } from '../api';
import { facts, pageHeader } from '../components';
import { h, replace } from '../dom';
import { ENTITY_TYPES, entityTypeName, formatDate, formatNumber, removalReasonName } from '../format';
import { routeHref, type Route } from '../router';
import { articleLink } from './article-links';

export async function renderArticle(root: HTMLElement, route: Route): Promise<void> {
  const article = await api.article(route.segments[1]);
  const header = pageHeader(article.title || article.id,
    h('span', { class: 'source', dir: 'auto' }, article.source), ' · ',
    h('time', { datetime: article.date }, formatDate(article.date)));
  replace(root, header,
    h('div', { class: 'with-aside article-layout' },
      h('div', { class: 'main-column' },
        duplicateNotice(article),
        h('article', { class: 'article-body', dir: 'auto' }, article.paragraphs.map((text) => h('p', null, text))),
        removedSection(article)),
      h('aside', { class: 'article-aside' }, articleFacts(article), entitiesSection(article.entities))));
}

function duplicateNotice(article: Article): HTMLElement | null {
  const original = article.duplicate_of;
  if (!original) return null;
  const kind = original.kind === 'exact' ? 'نسخة مطابقة' : 'نسخة شبه مطابقة';
  return h('p', { class: 'notice' }, `${kind} (تشابه ${formatNumber(Math.round(original.similarity * 100))}٪) من المقال `,
    articleLink(original.id));
}

/** The removed lines, folded behind a toggle button (aria-expanded) as they are noise by nature. */
function removedSection(article: Article): HTMLElement {
  const count = article.removed.length;
  if (!count) return h('p', { class: 'muted removed-none' }, 'لم يحذف التنظيف أي سطر من هذا المقال.');
  const list = h('ol', { class: 'removed-lines', id: 'removed-lines', hidden: true },
    article.removed.map((line) => h('li', null,
      h('span', { class: 'reason', title: line.reason }, removalReasonName(line.reason)),
      h('span', { class: 'removed-text', dir: 'auto' }, line.text))));
  const showText = `إظهار الأسطر المحذوفة (${formatNumber(count)})`;
  const toggle = h('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'removed-lines' }, showText);
  toggle.addEventListener('click', () => {
    const open = list.hidden;
    list.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'إخفاء الأسطر المحذوفة' : showText;
  });
  return h('section', { class: 'removed-section' }, toggle, list);
}

function articleFacts(article: Article): HTMLElement {
  const rows: [string, Node | string][] = [['المعرّف', h('span', { dir: 'ltr' }, article.id)]];
  if (article.url) {
    // Only http(s) links leave the page; anything else (javascript:, data:) is shown, not linked.
    rows.push(['الرابط الأصلي', /^https?:\/\//i.test(article.url)
      ? h('a', { href: article.url, rel: 'noopener noreferrer nofollow', target: '_blank', dir: 'ltr', class: 'url' }, article.url)
      : h('span', { dir: 'ltr', class: 'url' }, article.url)]);
  }
  if (article.story !== null) rows.push(['القصة', h('a', { href: routeHref(`/stories/${article.story}`) }, `القصة ${formatNumber(article.story)}`)]);
  if (article.event !== null) rows.push(['الحدث', h('span', null, `الحدث ${formatNumber(article.event)}`)]);
  if (article.duplicates.length) {
    rows.push(['نسخ مكررة', h('ul', { class: 'plain-list' }, article.duplicates.map((id) => h('li', null, articleLink(id))))]);
  }
  return h('section', null, h('h2', null, 'عن المقال'), facts(rows));
}

function entitiesSection(entities: ArticleEntity[]): HTMLElement {
  if (!entities.length) return h('section', null, h('h2', null, 'الكيانات'), h('p', { class: 'muted' }, 'لا كيانات.'));
  const groups = Object.keys(ENTITY_TYPES).map((type) => [type, entities.filter((entity) => entity.type === type)] as const)
    .concat([['', entities.filter((entity) => !(entity.type in ENTITY_TYPES))]])
    .filter(([, group]) => group.length);
  return h('section', null, h('h2', null, 'الكيانات'), groups.map(([type, group]) =>
    h('div', { class: 'entity-group' }, h('h3', null, type ? entityTypeName(type) : 'غير ذلك'),
      h('ul', { class: 'chip-list' }, group.map((entity) => h('li', null,
        h('a', { class: `chip chip-link type-${entity.type}`, href: routeHref(`/entities/${entity.id}`) },
          h('span', { dir: 'auto' }, entity.name), h('span', { class: 'count', title: 'مرات الذكر' }, formatNumber(entity.mentions)))))))));
}
