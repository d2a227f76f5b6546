// Story list: the threads the archive follows, biggest first, filterable by words and dates.

import { api, type StorySummary } from '../api';
import { dateInput, field, formParams, pageHeader, pager, positiveInt } from '../components';
import { emptyState, h, loading, replace } from '../dom';
import { articlesLabel, eventsLabel, formatDateRange, sourcesLabel } from '../format';
import { navigate, routeHref, type Route } from '../router';

export async function renderStories(root: HTMLElement, route: Route): Promise<void> {
  const list = h('section', { class: 'story-list' }, loading());
  replace(root, pageHeader('القصص'), storiesForm(route), list);
  const page = positiveInt(route.query.get('page'), 1);
  const answer = await api.stories({
    q: route.query.get('q'), from: route.query.get('from'), to: route.query.get('to'), page,
  });
  if (!answer.stories.length) {
    replace(list, emptyState('لا قصص تطابق هذه المرشحات.', 'القصص تُبنى عند إدخال المقالات (masar ingest).'));
    return;
  }
  replace(list, h('ol', { class: 'cards' }, answer.stories.map(storyCard)),
    pager(route, '/stories', page, answer.per_page, answer.total, answer.stories.length));
}

function storiesForm(route: Route): HTMLFormElement {
  const q = route.query;
  const form = h('form', { class: 'filters', role: 'search' },
    h('div', { class: 'filter-row' },
      field('كلمات', h('input', { type: 'search', name: 'q', value: q.get('q') ?? '', dir: 'auto' })),
      field('من تاريخ', dateInput('from', q.get('from'))),
      field('إلى تاريخ', dateInput('to', q.get('to'))),
      h('button', { type: 'submit' }, 'تصفية')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/stories', formParams(form));
  });
  return form;
}

function storyCard(story: StorySummary): HTMLElement {
  return h('li', { class: 'card' },
    h('h2', { class: 'card-title' }, h('a', { href: routeHref(`/stories/${story.id}`), dir: 'auto' }, story.label)),
    h('p', { class: 'card-meta' },
      h('span', null, formatDateRange(story.first_date, story.last_date)), ' · ',
      h('span', null, eventsLabel(story.events)), ' · ',
      h('span', null, articlesLabel(story.articles)), ' · ',
      h('span', null, sourcesLabel(story.sources.length))),
    story.sources.length
      ? h('ul', { class: 'chip-list small' }, story.sources.map((source) => h('li', { class: 'chip', dir: 'auto' }, source)))
      : null);
}
