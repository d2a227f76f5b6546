// Entry point: the page frame (header, navigation) and the route → view table.

import '@fontsource/ibm-plex-sans-arabic/400.css';
import '@fontsource/ibm-plex-sans-arabic/600.css';
import './styles.css';

import { emptyState, errorBox, h, replace } from './dom';
import { currentRoute, type Route } from './router';
import { renderSearch } from './views/search';
import { renderStories } from './views/stories';
import { renderStory } from './views/story';
import { renderEntities } from './views/entities';
import { renderEntity } from './views/entity';
import { renderEvents } from './views/events';
import { renderArticle } from './views/article';

type View = (root: HTMLElement, route: Route) => Promise<void> | void;

const NAV: { section: string; label: string }[] = [
  { section: 'search', label: 'البحث' },
  { section: 'stories', label: 'القصص' },
  { section: 'entities', label: 'الكيانات' },
  { section: 'events', label: 'الأحداث' },
];

/** The view of a route: a section name and, for detail pages, one id segment. */
function viewFor(route: Route): View | null {
  const [section = 'search', id, ...rest] = route.segments;
  if (rest.length) return null;
  const views: Record<string, [View, View | null]> = {
    search: [renderSearch, null],
    stories: [renderStories, renderStory],
    entities: [renderEntities, renderEntity],
    events: [renderEvents, null],
    articles: [notFound, renderArticle],
  };
  const pair = views[section];
  if (!pair) return null;
  return id === undefined ? pair[0] : pair[1];
}

function notFound(root: HTMLElement): void {
  document.title = 'غير موجود — مسار';
  replace(root, emptyState('لا توجد صفحة بهذا العنوان.', 'اختر من القائمة أعلاه.'));
}

function frame(): { nav: HTMLElement; main: HTMLElement } {
  const nav = h('nav', { class: 'site-nav', 'aria-label': 'الأقسام' },
    NAV.map(({ section, label }) => h('a', { href: `#/${section}`, 'data-section': section }, label)));
  const main = h('main', { id: 'view', tabindex: '-1' });
  const header = h('header', { class: 'site-header' },
    h('a', { class: 'brand', href: '#/search' }, h('span', { class: 'brand-name' }, 'مسار'),
      h('span', { class: 'brand-tag' }, 'أرشيف الأخبار العربية')),
    nav);
  document.body.replaceChildren(header, main);
  return { nav, main };
}

async function render(nav: HTMLElement, main: HTMLElement): Promise<void> {
  const route = currentRoute();
  const section = route.segments[0] ?? 'search';
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // A fresh container per navigation: a slow answer of an older view lands in a detached node.
  const root = h('div', { class: 'view' });
  main.replaceChildren(root);
  const view = viewFor(route) ?? notFound;
  try {
    await view(root, route);
  } catch (error) {
    root.appendChild(errorBox(error));
  }
}

const { nav, main } = frame();
window.addEventListener('hashchange', () => {
  void render(nav, main);
  window.scrollTo(0, 0);
});
void render(nav, main);
