// Hash routing: "#/stories/3?page=2" → { segments: ["stories", "3"], query }. The hash keeps
// the server simple (it serves one index.html) and makes every view a shareable link.

import { apiUrl, type Params } from './api';

export interface Route {
  segments: string[];
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, queryText = ''] = hash.split('?', 2);
  const segments = path.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  return { segments, query: new URLSearchParams(queryText) };
}

/** "#/path?…" for a route path and its parameters (empty ones left out). */
export function routeHref(path: string, params: Params = {}): string {
  return '#' + apiUrl(path, params);
}

export function navigate(path: string, params: Params = {}): void {
  const href = routeHref(path, params);
  if (location.hash === href) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = href;
}

/** The current query as plain parameters, with some of them replaced. */
export function withQuery(route: Route, changes: Params): Params {
  const params: Params = {};
  route.query.forEach((value, name) => (params[name] = value));
  return { ...params, ...changes };
}
