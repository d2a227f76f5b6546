// DOM helpers. Every piece of text from the API goes into the page as a text node
// (textContent); the only markup we ever build from API text is <mark>, by hand.

type Child = Node | string | null | undefined | false;
type Children = Child | Children[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element. Attributes starting with "on" are listeners; false/null ones are skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') {
        element.addEventListener(name.slice(2), value);
      } else if (name === 'class') {
        element.className = String(value);
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Children[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child === null || child === undefined || child === false) continue;
    else parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces the children of `parent`. */
export function replace(parent: Element, ...children: Children[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
};

/** Decodes the HTML character references of escaped text (named basics and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Builds nodes from a search title/snippet: HTML-escaped text in which only <mark> and </mark>
 * are markup. Split on the tags, decode the text between them, never parse it as HTML.
 */
export function markedText(escaped: string): Node[] {
  const nodes: Node[] = [];
  let mark: HTMLElement | null = null;
  for (const part of escaped.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      mark = document.createElement('mark');
      nodes.push(mark);
    } else if (part === '</mark>') {
      mark = null;
    } else if (part) {
      const text = document.createTextNode(decodeEntities(part));
      if (mark) mark.appendChild(text);
      else nodes.push(text);
    }
  }
  return nodes;
}

export function loading(): HTMLElement {
  return h('p', { class: 'status', role: 'status' }, 'جارٍ التحميل…');
}

export function emptyState(title: string, detail?: string): HTMLElement {
  return h('div', { class: 'empty-state', role: 'status' }, h('p', { class: 'empty-title' }, title),
    detail ? h('p', { class: 'empty-detail' }, detail) : null);
}

export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error-box', role: 'alert' }, h('p', null, 'تعذّر تحميل البيانات.'),
    h('p', { class: 'error-detail', dir: 'auto' }, message));
}
