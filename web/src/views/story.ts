// One story: its timeline as a chart (events over time, bubble size = articles, height = outlets)
// and the list of its events with their outlets and articles.

import { api, type TimelineEvent } from '../api';
import { timelineChart } from '../chart';
import { pageHeader } from '../components';
import { emptyState, h, replace } from '../dom';
import { articlesLabel, eventsLabel, formatDateRange, formatNumber, sourcesLabel } from '../format';
import { routeHref, type Route } from '../router';
import { articleLinks } from './article-links';

export async function renderStory(root: HTMLElement, route: Route): Promise<void> {
  const id = route.segments[1];
  const story = await api.story(id);
  const header = pageHeader(story.label,
    formatDateRange(story.first_date, story.last_date), ' · ', eventsLabel(story.events), ' · ',
    articlesLabel(story.articles), ' · ', sourcesLabel(story.sources.length));
  const chartBox = h('div', { class: 'chart-box' });
  const eventList = h('ol', { class: 'timeline' }, story.timeline.map(eventItem));
  replace(root, h('p', { class: 'breadcrumbs' }, h('a', { href: routeHref('/stories') }, 'القصص'), ' ‹ ', 'قصة'),
    header,
    h('section', { class: 'chart-section', 'aria-label': 'المخطط الزمني' },
      h('h2', null, 'المخطط الزمني'),
      h('p', { class: 'chart-legend muted' }, 'كل دائرة حدث: مساحتها بعدد المقالات وارتفاعها بعدد المصادر. الزمن يجري من اليمين إلى اليسار.'),
      chartBox),
    h('section', { 'aria-label': 'الأحداث' }, h('h2', null, 'الأحداث بالترتيب الزمني'),
      story.timeline.length ? eventList : emptyState('لا أحداث في هذه القصة.')));
  const chart = timelineChart(chartBox, story.timeline.map((event) => ({
    date: event.first_date,
    value: event.sources.length,
    size: event.articles,
    label: event.label,
    detail: `${articlesLabel(event.articles)} · ${sourcesLabel(event.sources.length)}`,
    target: `event-${event.id}`,
  })), 'عدد المصادر', (point) => focusEvent(point.target));
  if (!chart) replace(chartBox, emptyState('لا تواريخ لأحداث هذه القصة.'));
}

/** Scrolls to an event of the list and highlights it briefly. */
function focusEvent(elementId: string | undefined): void {
  const item = elementId ? document.getElementById(elementId) : null;
  if (!item) return;
  item.scrollIntoView({ behavior: 'smooth', block: 'center' });
  item.classList.add('flash');
  window.setTimeout(() => item.classList.remove('flash'), 1600);
}

function eventItem(event: TimelineEvent): HTMLElement {
  return h('li', { class: 'timeline-event', id: `event-${event.id}` },
    h('h3', { dir: 'auto' }, event.label),
    h('p', { class: 'card-meta' },
      formatDateRange(event.first_date, event.last_date), ' · ', articlesLabel(event.articles),
      event.copies ? ` · ${formatNumber(event.copies)} نسخ مكررة` : ''),
    event.sources.length
      ? h('ul', { class: 'chip-list small', 'aria-label': 'المصادر' }, event.sources.map((source) => h('li', { class: 'chip', dir: 'auto' }, source)))
      : null,
    articleLinks(event.article_ids));
}
