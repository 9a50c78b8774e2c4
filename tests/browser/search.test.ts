/**
 * Site search in a real browser: Pagefind over the built Qionghai site, served
 * on 127.0.0.1, queried through the search page as a reader would.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mainNavigation } from '#/lib/site/navigation.ts';
import { paths } from '#/lib/site/urls.ts';
import { SEARCH_SECTIONS } from '#/schemas/index.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';

const site = browseBuiltSite(SITES.main.outDir);

async function searchPage(query: string, params = '', page?: Page, width = 390) {
  const p = page ?? (await (await site.browser.newContext({ viewport: { width, height: 844 } })).newPage());
  await p.goto(`${site.url}${paths.search(query)}${params}`);
  await p.waitForFunction(() => /^(找到|没有找到)/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  return p;
}

const resultUrls = (page: Page) =>
  page.$$eval('[data-search-results] h2 a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/** Query → the page a reader expects among the first five results. Part-of-word queries are marked ⊂. */
const RECALL: [string, string][] = [
  ['嘉积三中', '/news/2024-02-27-jiaji-sanzhong-xuanjiang/'],
  ['三中', '/news/2024-02-27-jiaji-sanzhong-xuanjiang/'], // ⊂ 嘉积三中
  ['积三', '/news/2024-02-27-jiaji-sanzhong-xuanjiang/'], // ⊂ 嘉积三中
  ['石壁镇中心学校', '/news/2024-03-07-shibi-zhongxin-xuexiao-xuanjiang/'],
  ['长坡镇中心学校', '/news/2024-03-14-changpo-zhongxin-xuexiao-xuanjiang/'],
  ['嘉积第三中学', '/lectures/'],
  ['潭门', '/bases/tanmen-haian-yizhan/'], // ⊂ 潭门镇
  ['彬村山', '/bases/bincunshan-jiaoyu-jidi/'], // ⊂ 彬村山华侨经济区
  ['冯家湾', '/bases/changpo-haian-yizhan-2/'],
  ['驿站', '/bases/tanmen-haian-yizhan/'], // ⊂ 海岸线驿站
  ['依托咪酯', '/topics/shang-tou-dian-zi-yan/'],
  ['电子烟', '/topics/shang-tou-dian-zi-yan/'], // ⊂ 上头电子烟
  ['笑气', '/topics/xiao-qi-bu-shi-wan-ju/'],
  ['合成大麻素', '/topics/he-cheng-da-ma-su/'],
  ['大麻素', '/topics/he-cheng-da-ma-su/'], // ⊂ 合成大麻素
  ['跳跳糖', '/topics/wei-zhuang-cheng-ling-shi-de-du-pin/'],
  ['流动课堂', '/campaigns/spring-mobile-classroom-2024/'], // ⊂ 春季禁毒流动课堂
  ['清源断流', '/news/2024-07-11-qing-yuan-duan-liu-ye-cha/'],
  ['春夏攻势', '/news/2024-04-08-chun-xia-gong-shi-qi-dong/'], // ⊂ 2024春夏攻势
  ['防风险', '/news/2024-01-12-kao-ping-you-xiu/'], // ⊂ 固本防风险
  ['原植物', '/news/2024-08-20-du-pin-yuan-zhi-wu/'], // ⊂ 毒品原植物
  ['送暖', '/news/2024-10-16-ye-feng-song-nuan/'], // ⊂ 椰风送暖
  ['1222', '/news/2024-06-13-mao-fa-jian-ce-1222/'],
  ['1192', '/news/2024-05-08-mao-fa-jian-ce/'],
  ['47所', '/news/2024-01-22-han-jia-zhi-jia-zhang-xin/'],
  ['寒假', '/letters/han-jia-zhi-jia-zhang-2024/'],
  ['举报', '/topics/ru-he-ju-bao-du-pin-fan-zui/'],
  ['戒毒治疗', '/topics/qiu-zhu-jie-du/'],
  ['快递', '/news/2024-04-19-ji-di-qi-ye-jian-cha/'],
  ['污水', '/news/2024-03-18-yi-ji-du-wu-shui-cai-yang/'],
];

describe('recall in Chinese', () => {
  it(`finds the expected page in the top 5 for ${RECALL.length} queries, parts of words included`, async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const misses: string[] = [];
    const ranks: string[] = [];
    for (const [query, expected] of RECALL) {
      await searchPage(query, '', page);
      const rank = (await resultUrls(page)).indexOf(expected) + 1;
      ranks.push(`${query}→${rank}`);
      if (rank < 1 || rank > 5) misses.push(`${query}: ${expected} at rank ${rank || '—'}`);
    }
    console.log(`search recall: ${ranks.join(' ')}`);
    expect(misses).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the drug A–Z in search', () => {
  it('finds 氯胺酮 by its street name “K粉”, and 冰毒’s page in the top 3', async () => {
    const page = await searchPage('K粉');
    const ketamine = (await resultUrls(page)).indexOf(paths.drug('lv-an-tong')) + 1;
    const bingdu = (await resultUrls(await searchPage('冰毒', '', page))).indexOf(paths.drug('bing-du')) + 1;
    console.log(`search: K粉 → 氯胺酮 at rank ${ketamine}, 冰毒 → its page at rank ${bingdu}`);
    for (const rank of [ketamine, bingdu]) {
      expect(rank).toBeGreaterThanOrEqual(1);
      expect(rank).toBeLessThanOrEqual(3);
    }
    await page.context().close();
  });

  it('filters to the A–Z under 栏目 认识毒品', async () => {
    const page = await searchPage('电子烟', `&section=${encodeURIComponent('认识毒品')}`);
    const urls = await resultUrls(page);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith(paths.drugs()))).toBe(true);
    await page.context().close();
  });
});

describe('search page', () => {
  it('reads ?q= from a link, fills the box and shows dated results with readable excerpts', async () => {
    const page = await searchPage('依托咪酯');
    expect(await page.inputValue('#search-q')).toBe('依托咪酯');
    expect(await page.textContent('[data-search-status]')).toMatch(/^找到 \d+ 条与“依托咪酯”相关的内容/);
    const excerpt = await page.textContent('[data-search-results] li p:not(.meta)');
    expect([...(excerpt ?? '')].length).toBeGreaterThanOrEqual(30);
    expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
    const news = await searchPage('嘉积三中', '', page);
    const first = news.locator('[data-search-results] li').first();
    expect(await first.locator('.meta span').textContent()).toBe('新闻');
    // Dates as the rest of the site writes them.
    expect(await first.locator('.meta time').textContent()).toBe('2024年2月27日');
    expect(await first.locator('.meta time').getAttribute('datetime')).toBe('2024-02-27');
  });

  for (const width of [390, 320]) {
    it(`reaches every result, 20 more at a time, at ${width} px`, async () => {
      const page = await searchPage('禁毒', '', undefined, width);
      const total = Number(/^找到 (\d+) 条/.exec((await page.textContent('[data-search-status]'))!)![1]);
      expect(total).toBeGreaterThan(40);
      expect(await page.locator('[data-search-results] > li').count()).toBe(20);
      expect(await page.textContent('[data-search-status]')).toContain('已显示前 20 条');
      const more = page.locator('[data-search-more]');
      expect(await more.textContent()).toBe(`显示更多结果（还有 ${total - 20} 条）`);
      for (let shown = 20; shown < total; shown = Math.min(shown + 20, total)) {
        await more.click();
        await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length > n, shown);
        // Focus moves to the first new result, so a keyboard user carries on reading there.
        const focused = await page.evaluate(() => {
          const item = document.activeElement?.closest('li');
          return item ? [...item.parentElement!.children].indexOf(item) : -1;
        });
        expect(focused).toBe(shown);
      }
      expect(await more.isVisible()).toBe(false);
      const urls = await resultUrls(page);
      expect(urls).toHaveLength(total);
      expect(new Set(urls).size).toBe(total);
      expect(await page.textContent('[data-search-status]')).toBe(`找到 ${total} 条与“禁毒”相关的内容。`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)).toBe(false);
      await page.context().close();
    }, 60_000);
  }

  it('keeps how many results are shown in the address, so Back or a reload returns to them', async () => {
    const page = await searchPage('禁毒');
    await page.click('[data-search-more]');
    await page.waitForFunction(() => location.search.includes('shown=40'));
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] > li').length === 40);
    expect(await page.textContent('[data-search-status]')).toContain('已显示前 40 条');
    // A new search starts again at 20.
    await page.fill('#search-q', '毒品');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /“毒品”/.test(document.querySelector('[data-search-status]')!.textContent!));
    expect(await page.locator('[data-search-results] > li').count()).toBe(20);
    expect(new URL(page.url()).searchParams.get('shown')).toBe(null);
    await page.context().close();
  });

  it('shows excerpts that start at a sentence and join headings in Chinese', async () => {
    const page = await searchPage('禁毒');
    while (await page.locator('[data-search-more]').isVisible()) {
      const n = await page.locator('[data-search-results] > li').count();
      await page.click('[data-search-more]');
      await page.waitForFunction((count) => document.querySelectorAll('[data-search-results] > li').length > count, n);
    }
    const excerpts = await page.$$eval('[data-search-results] > li > p:not(.meta)', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(excerpts.length).toBeGreaterThan(100);
    expect(excerpts.filter((e) => /^[，、；：。！？,.;:]/.test(e))).toEqual([]);
    expect(excerpts.filter((e) => /[\u4e00-\u9fff”）]\. /.test(e))).toEqual([]);
    // Most start where a sentence does; the rest say they begin mid-sentence.
    const cut = excerpts.filter((e) => e.startsWith('……'));
    expect(cut.length).toBeLessThan(excerpts.length / 4);
    // The matched words are marked.
    expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(100);
    await page.context().close();
  }, 60_000);

  it('lists the sections in the navigation’s order, the page itself before any script', async () => {
    const page = await searchPage('禁毒');
    const options = await page.$$eval('select[name=section] option', (os) => os.map((o) => o.textContent));
    expect(options).toEqual(['全部', ...SEARCH_SECTIONS]);
    expect(SEARCH_SECTIONS.slice(0, 3)).toEqual(['新闻', '宣讲安排', '致家长的信']);
    expect(SEARCH_SECTIONS.at(-1)).toBe('本站信息');
    await page.context().close();
  });

  it('filters by 栏目, 年份 and 镇区, shown in Chinese, and keeps them in the address', async () => {
    const page = await searchPage('禁毒');
    const labels = await page.$$eval('.search__filters label', (ls) => ls.map((l) => l.childNodes[0]!.textContent!.trim()));
    expect(labels).toEqual(['栏目', '年份', '镇区']);
    await page.selectOption('select[name=section]', '预防知识');
    await page.waitForFunction(() => location.search.includes('section='));
    await page.waitForFunction(() => /^找到/.test(document.querySelector('[data-search-status]')!.textContent!));
    expect((await resultUrls(page)).every((u) => u.startsWith('/topics/'))).toBe(true);

    const town = await searchPage('禁毒', '&town=' + encodeURIComponent('潭门镇'));
    const urls = await resultUrls(town);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls).toContain('/bases/tanmen-haian-yizhan/');
    expect(await town.inputValue('select[name=town]')).toBe('潭门镇');
    const years = await town.$$eval('select[name=year] option', (os) => os.map((o) => o.textContent));
    expect(years).toContain('2024');
    // Towns in the office's own order (the settings'), as on the bases page.
    const towns = await town.$$eval('select[name=town] option', (os) => os.map((o) => o.textContent));
    expect(towns.slice(0, 3)).toEqual(['全部', '嘉积镇', '万泉镇']);
  });

  it('explains a search with no results', async () => {
    const page = await searchPage('量子计算机');
    expect(await page.textContent('[data-search-status]')).toBe('没有找到与“量子计算机”相关的内容。');
    expect(await page.isVisible('[data-search-empty]')).toBe(true);
  });

  it('indexes only page content: not navigation, footers, lists or the 404 page', async () => {
    for (const query of ['长辈模式', '网站标识码', '更多新闻', '找不到这个页面']) {
      const page = await searchPage(query);
      expect(await page.textContent('[data-search-status]'), query).toMatch(/^没有找到/);
      await page.context().close();
    }
  });

  it('has no axe violations with results shown, and works by keyboard', async () => {
    const page = await searchPage('流动课堂');
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.fill('#search-q', '笑气');
    await page.focus('#search-q');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')!.textContent!.includes('笑气'));
    expect(await resultUrls(page)).toContain('/topics/xiao-qi-bu-shi-wan-ju/');
    expect(await page.getAttribute('[data-search-status]', 'role')).toBe('status');
  });
});

describe('the header search box', () => {
  it('is a plain form that reaches the search page before any script runs', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'));
    await page.fill('#site-search-q', '寒假');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=寒假');
    // Without a script the page says why no results show, and offers every section instead.
    const message = page.locator('[data-search-noscript]');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain('需要启用 JavaScript');
    expect(await message.textContent()).toContain('不能显示搜索结果');
    expect(await message.textContent()).toContain('地址栏');
    const offered = await message.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(offered).toEqual([
      ...mainNavigation()
        .slice(1)
        .map((l) => l.href),
      paths.siteMapPage(),
    ]);
    expect(await page.isVisible('[data-search-status]')).toBe(false);
    await context.close();
  });

  it('loads the search index only on the search page', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(site.url + paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'));
    await page.goto(site.url + paths.home());
    expect(requests.filter((r) => r.startsWith('/pagefind/'))).toEqual([]);
    await context.close();
  });
});
