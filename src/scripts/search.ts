/**
 * The search page's behaviour: loads the Pagefind index on demand (only here),
 * runs the query from ?q= and the filters, shows results 20 at a time with a
 * button for the next 20, and announces results politely to screen readers.
 * The form works without this script (it is a plain GET).
 */
import { formatChineseDate, isIsoDateShape } from '#/lib/core/dates.ts';
import { readableExcerpt } from '#/lib/core/search-excerpt.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: { title?: string; date?: string; image?: string; image_alt?: string };
  filters: Record<string, string[]>;
  anchors: { text: string }[];
}

type PagefindResult = { data(): Promise<PagefindResultData> };

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
/**
 * URL parameter (the select's name; URLs stay ASCII) for each Chinese filter name. The page names the
 * filters (`data-filter`): the town filter goes by the site's own word for its towns (镇区, 乡镇).
 */
const FILTER_PARAMS: Record<string, string> = Object.fromEntries(
  [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')].map((select) => [select.dataset.filter!, select.name]),
);
const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
const announce = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const empty = document.querySelector<HTMLElement>('[data-search-empty]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ excerptLength: 50 });
    return pf;
  })();
  return pagefind;
}

function selectedFilters(): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [name, param] of Object.entries(FILTER_PARAMS)) {
    const value = form.querySelector<HTMLSelectElement>(`select[name=${param}]`)?.value;
    if (value) filters[name] = value;
  }
  return filters;
}

/**
 * Options the index has values for. A select the page already filled (栏目 in the navigation's
 * order, towns in the settings' order) keeps its order and loses the values nothing is indexed
 * under; the others (年份) are filled here.
 */
async function fillFilterOptions(pf: Pagefind, params: URLSearchParams) {
  const available = await pf.filters();
  for (const [name, param] of Object.entries(FILTER_PARAMS)) {
    const select = form.querySelector<HTMLSelectElement>(`select[name=${param}]`);
    if (!select) continue;
    const values = available[name] ?? {};
    const given = [...select.options].filter((o) => o.value !== '');
    if (given.length > 0) {
      for (const option of given) if (!(option.value in values)) option.remove();
    } else {
      const sorted = Object.keys(values).sort((a, b) => (name === '年份' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
      for (const value of sorted) select.append(new Option(value, value));
    }
    select.value = params.get(param) ?? '';
    if (select.selectedIndex < 0) select.value = '';
  }
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const section = data.filters['栏目']?.[0];
  if (section) meta.append(Object.assign(document.createElement('span'), { textContent: section }));
  const date = data.meta.date;
  if (date && isIsoDateShape(date)) {
    const time = Object.assign(document.createElement('time'), { dateTime: date, textContent: formatChineseDate(date) });
    meta.append(time);
  }
  item.append(meta);
  const excerpt = document.createElement('p');
  // Text nodes and <mark>s built from plain parts: nothing from the index is parsed as HTML.
  const parts = readableExcerpt({
    content: data.content,
    excerpt: data.excerpt,
    title: data.meta.title,
    headings: data.anchors.map((a) => a.text),
  });
  excerpt.append(
    ...parts.map((part) => (part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text)),
  );
  item.append(excerpt);
  return item;
}

/** Counts searches, so one that finishes after a newer one started leaves the page alone. */
let runs = 0;

/** The results of the current search, and how many are on the page. */
let current: { query: string; results: PagefindResult[]; shown: number } | undefined;

/** Adds the next PAGE_SIZE results to the list and returns the first added item. */
async function showMore(): Promise<HTMLLIElement | undefined> {
  if (!current) return undefined;
  const search = current;
  const next = await Promise.all(search.results.slice(search.shown, search.shown + PAGE_SIZE).map((r) => r.data()));
  // A newer search started while these loaded: it owns the list now.
  if (current !== search) return undefined;
  const items = next.map(resultItem);
  list.append(...items);
  search.shown += items.length;
  const left = search.results.length - search.shown;
  more.hidden = left <= 0;
  more.textContent = `显示更多结果（还有 ${left} 条）`;
  return items[0];
}

function summary({ query, results, shown }: NonNullable<typeof current>): string {
  if (results.length === 0) return `没有找到与“${query}”相关的内容。`;
  const found = `找到 ${results.length} 条与“${query}”相关的内容`;
  return shown < results.length ? `${found}，已显示前 ${shown} 条。` : `${found}。`;
}

/** How many results the address asks for (`shown`, kept as more are shown), so Back returns to them. */
function shownInAddress(params: URLSearchParams): number {
  const n = Number(params.get('shown'));
  return Number.isInteger(n) && n > PAGE_SIZE ? n : PAGE_SIZE;
}

async function run(wanted = PAGE_SIZE) {
  const query = input.value.trim();
  const filters = selectedFilters();
  const url = new URL(location.href);
  url.search = '';
  if (query) url.searchParams.set('q', query);
  for (const [name, value] of Object.entries(filters)) url.searchParams.set(FILTER_PARAMS[name]!, value);
  history.replaceState(null, '', url);

  const token = ++runs;
  list.replaceChildren();
  empty.hidden = true;
  more.hidden = true;
  current = undefined;
  if (!query) {
    announce.textContent = announce.dataset.hint ?? '';
    return;
  }
  announce.textContent = '正在搜索……';
  const pf = await loadPagefind();
  const { results } = await pf.search(query, { filters });
  // A newer search started while this one ran (typing, a filter changed): it owns the page.
  if (token !== runs) return;
  const search = { query, results, shown: 0 };
  current = search;
  do await showMore();
  while (current === search && search.shown < Math.min(wanted, results.length));
  if (current !== search) return;
  empty.hidden = results.length > 0;
  announce.textContent = summary(search);
}

more.addEventListener('click', () => {
  void showMore().then((first) => {
    if (!first || !current) return;
    announce.textContent = summary(current);
    const url = new URL(location.href);
    url.searchParams.set('shown', String(current.shown));
    history.replaceState(null, '', url);
    // Keyboard and screen-reader users continue at the first new result, not at the button that moved down.
    first.querySelector('a')?.focus();
  });
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) void run();
});

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
void loadPagefind()
  .then((pf) => fillFilterOptions(pf, params))
  .then(() => run(shownInAddress(params)));
