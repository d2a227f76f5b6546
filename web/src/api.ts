// The JSON API of `masar serve`, as docs/api.md describes it. Types and one fetch helper;
// nothing here touches the DOM.

export interface Facet { value: string; count: number }

export interface SearchHit {
  id: string;
  title: string; // HTML-escaped, only <mark> is markup
  date: string;
  source: string;
  snippet: string; // HTML-escaped, only <mark> is markup
  score: number;
  duplicates: string[];
}

export interface SearchResult {
  query: string;
  took_ms: number;
  page: number;
  per_page: number;
  total: number;
  hits: SearchHit[];
  facets: { source: Facet[]; month: Facet[] };
}

export interface ArticleEntity { id: number; name: string; type: string; mentions: number }

export interface Article {
  id: string;
  title: string;
  date: string;
  source: string;
  url: string;
  paragraphs: string[];
  removed: { text: string; reason: string }[];
  duplicate_of: { id: string; kind: string; similarity: number } | null;
  duplicates: string[];
  event: number | null;
  story: number | null;
  entities: ArticleEntity[];
}

export interface StorySummary {
  id: number;
  label: string;
  first_date: string;
  last_date: string;
  events: number;
  articles: number;
  sources: string[];
}

export interface TimelineEvent {
  id: number;
  label: string;
  first_date: string;
  last_date: string;
  articles: number;
  copies: number;
  sources: string[];
  article_ids: string[];
}

export interface Story extends StorySummary { timeline: TimelineEvent[] }

export interface EntitySummary {
  id: number;
  name: string;
  type: string;
  aliases: { text: string; mentions: number }[];
  articles: number;
  mentions: number;
  first_date: string;
  last_date: string;
}

export interface EventArgument { text: string; entity: number | null }

export interface EventRecord {
  id: number;
  event: string;
  mode: string;
  date: string;
  date_precision: string;
  source: EventArgument[];
  target: EventArgument[];
  location: EventArgument | null;
  series: { name: string; ordinal: number } | null;
  articles: string[];
  /** Copies of those articles found by dedup, and the outlets of both (older servers omit them). */
  copies?: string[];
  outlets?: string[];
  sentences: { article: string; index: number; text: string }[];
}

export interface Entity extends EntitySummary {
  articles_list: { id: string; title: string; date: string; source: string }[];
  cooccurring: { id: number; name: string; type: string; articles: number }[];
  events: EventRecord[];
}

export interface Paged { page: number; per_page: number; total?: number }

/** An error answer of the API ({"error": {"code", "message"}}) or a network failure. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export type Params = Record<string, string | number | undefined | null>;

/** "path?a=1&b=2", leaving out empty parameters. */
export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new ApiError(0, 'network', `تعذّر الاتصال بالخادم (${String(error)})`);
  }
  if (!response.ok) {
    let code = 'http_' + response.status;
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.error) {
        code = String(body.error.code ?? code);
        message = String(body.error.message ?? message);
      }
    } catch {
      // Not JSON (e.g. a 404 from a server without this endpoint): keep the status line.
    }
    throw new ApiError(response.status, code, message);
  }
  return (await response.json()) as T;
}

export const api = {
  search: (params: Params) => getJson<SearchResult>('/api/search', params),
  article: (id: string) => getJson<Article>(`/api/articles/${encodeURIComponent(id)}`),
  stories: (params: Params) => getJson<Paged & { stories: StorySummary[] }>('/api/stories', params),
  story: (id: string) => getJson<Story>(`/api/stories/${encodeURIComponent(id)}`),
  entities: (params: Params) => getJson<Paged & { entities: EntitySummary[] }>('/api/entities', params),
  entity: (id: string) => getJson<Entity>(`/api/entities/${encodeURIComponent(id)}`),
  events: (params: Params) => getJson<Paged & { events: EventRecord[] }>('/api/events', params),
};
