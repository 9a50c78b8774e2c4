/**
 * The search page's behaviour: loads the Pagefind index on demand (only here),
 * runs the query from ?q= and the filters, and announces results politely to
 * screen readers. The form works without this script (it is a plain GET).
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; image?: string; image_alt?: string };
  filters: Record<string, string[]>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
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

async function fillFilterOptions(pf: Pagefind, params: URLSearchParams) {
  const available = await pf.filters();
  for (const [name, param] of Object.entries(FILTER_PARAMS)) {
    const select = form.querySelector<HTMLSelectElement>(`select[name=${param}]`);
    if (!select) continue;
    const values = Object.keys(available[name] ?? {}).sort((a, b) => (name === '年份' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
    for (const value of values) select.append(new Option(value, value, false, params.get(param) === value));
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
  meta.textContent = [section, data.meta.date].filter(Boolean).join(' · ');
  item.append(meta);
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is escaped text with <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(excerpt);
  return item;
}

async function run() {
  const query = input.value.trim();
  const filters = selectedFilters();
  const url = new URL(location.href);
  url.search = '';
  if (query) url.searchParams.set('q', query);
  for (const [name, value] of Object.entries(filters)) url.searchParams.set(FILTER_PARAMS[name]!, value);
  history.replaceState(null, '', url);

  list.replaceChildren();
  empty.hidden = true;
  if (!query) {
    announce.textContent = announce.dataset.hint ?? '';
    return;
  }
  announce.textContent = '正在搜索……';
  const pf = await loadPagefind();
  const { results } = await pf.search(query, { filters });
  const shown = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
  list.append(...shown.map(resultItem));
  empty.hidden = results.length > 0;
  announce.textContent =
    results.length === 0
      ? `没有找到与“${query}”相关的内容。`
      : `找到 ${results.length} 条与“${query}”相关的内容${results.length > PAGE_SIZE ? `，显示前 ${PAGE_SIZE} 条` : ''}。`;
}

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
  .then(run);
