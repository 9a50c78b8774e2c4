/**
 * What only a browser shows: axe finds no WCAG A/AA violations, 长辈模式
 * enlarges the type without breaking the layout and is remembered, the pages
 * work with JavaScript off, and nothing trips the CSP.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { paths } from '#/lib/site/urls.ts';
import { NAV_TYPES } from '#/schemas/index.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { SITES, readPage } from '../helpers/sites.ts';

const PHONE = { width: 390, height: 844 };

const site = browseBuiltSite(SITES.main.outDir);

/** Every page the sitemap lists, plus the 404 page. */
const PAGES = [
  ...[...readPage(SITES.main, '/sitemap.xml').matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  '/404.html',
];

/** Collects CSP violations in the page (set up before any page script runs). */
function recordCspViolations() {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * Pages made by the same template differ only in their content, and the gate
 * already holds content to the rules axe would check there (alt text, no raw
 * HTML, headings from Markdown). So pages are grouped by template (the same
 * path with its last segment varying, and the same classes in <main>), and axe
 * runs on every page of a group of one or two and, in a larger group, on the two
 * whose main content uses the most kinds of element; every page is still loaded and checked for CSP violations, console
 * errors and sideways scrolling, which a long word or a wide table can cause.
 */
const shapeOf = (urlPath: string) => (urlPath.split('/').length > 3 ? urlPath.replace(/[^/]+\/$/, '*/') : urlPath);

const mainOf = (urlPath: string) => /<main[\s\S]*<\/main>/.exec(readPage(SITES.main, urlPath))?.[0] ?? '';

function axeSample(pages: string[]): Set<string> {
  const classesIn = (html: string) => [...new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)))].sort();
  const templateOf = new Map(pages.map((p) => [p, `${shapeOf(p)} ${classesIn(mainOf(p)).join(' ')}`]));
  const size = Map.groupBy(pages, (p) => templateOf.get(p));
  const groups = Map.groupBy(pages, (p) => (size.get(templateOf.get(p))!.length > 2 ? templateOf.get(p) : p));
  const richness = (urlPath: string) => {
    const main = mainOf(urlPath);
    return new Set(main.match(/<[a-z][a-z0-9]*/g)).size * 1e6 + main.length;
  };
  return new Set([...groups.values()].flatMap((group) => group.toSorted((a, b) => richness(b) - richness(a)).slice(0, 2)));
}

const AXE_PAGES = axeSample(PAGES);

/** The pages in groups of about 50, each test with its own time budget. */
const GROUPS = Array.from({ length: Math.ceil(PAGES.length / 50) }, (_, i) => {
  const pages = PAGES.slice(i * 50, (i + 1) * 50);
  return { pages, range: `${i * 50 + 1}–${i * 50 + pages.length}` };
});

describe('every page in the sitemap, on a phone', () => {
  it('lists enough pages to be the whole site, and runs axe on every template', () => {
    expect(PAGES.length).toBeGreaterThan(40);
    expect(new Set([...AXE_PAGES].map(shapeOf))).toEqual(new Set(PAGES.map(shapeOf)));
    expect(AXE_PAGES.size).toBeLessThan(PAGES.length / 2);
  });

  it.each(GROUPS)(
    'pages $range: no CSP violation, no console error, no sideways scroll; no axe violations (WCAG 2.1 A/AA)',
    async ({ pages }) => {
      const context = await site.browser.newContext({ viewport: PHONE });
      await context.addInitScript(recordCspViolations);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${page.url()} console: ${m.text()}`);
      });
      for (const urlPath of pages) {
        await page.goto(site.url + urlPath);
        if (AXE_PAGES.has(urlPath)) {
          const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          for (const v of violations)
            problems.push(`${urlPath} axe ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
        for (const c of await cspViolations(page)) problems.push(`${urlPath} csp ${c}`);
        if (await overflowsSideways(page)) problems.push(`${urlPath} scrolls sideways`);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
    240_000,
  );
});

describe('Content Security Policy', () => {
  it('blocks a script injected into a page, inline or from another host', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(recordCspViolations);
    const page = await context.newPage();
    const target = site.url + paths.news('2024-02-27-jiaji-sanzhong-xuanjiang');
    await page.route(target, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</main>',
        '<script>window.__injected = true</script><script src="https://evil.example/x.js"></script><img src="x" onerror="window.__injected = true"></main>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(target);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    const blocked = await cspViolations(page);
    expect(blocked.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
    // The site's own inline script still runs.
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-js'))).toBe(true);
    await context.close();
  });
});

describe('长辈模式', () => {
  it('enlarges the type, keeps the layout and is remembered across pages', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(site.url + paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'));
    const toggle = page.locator('[data-elder-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();

    expect(await toggle.innerText()).toBe('长辈模式');
    await toggle.click();
    expect(await size()).toBeGreaterThanOrEqual(before * 1.2);
    // The label says how to leave (a changing label, so no aria-pressed as well).
    expect(await toggle.innerText()).toBe('退出长辈模式');
    expect(await toggle.getAttribute('aria-pressed')).toBe(null);
    expect(await overflowsSideways(page)).toBe(false);

    await page.goto(site.url + paths.lectures());
    expect(await size()).toBeGreaterThanOrEqual(before * 1.2);
    expect(await page.locator('[data-elder-toggle]').innerText()).toBe('退出长辈模式');
    expect(await overflowsSideways(page)).toBe(false);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    await page.locator('[data-elder-toggle]').click();
    await page.reload();
    expect(await size()).toBe(before);
    await context.close();
  });
});

describe('the header on a phone', () => {
  /** One page of each template: a phone at 320 px in 长辈模式 must not scroll sideways on any of them. */
  const samples = [...new Map(PAGES.filter((p) => p.endsWith('/')).map((p) => [shapeOf(p), p])).values()];

  it(`fits 320 px in 长辈模式 on ${samples.length} templates, the search button whole`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    await context.addInitScript(() => localStorage.setItem('jindu-elder', '1'));
    const page = await context.newPage();
    const wide: string[] = [];
    for (const urlPath of samples) {
      await page.goto(site.url + urlPath);
      if (await overflowsSideways(page)) wide.push(urlPath);
    }
    expect(wide).toEqual([]);
    const button = (await page.locator('.site-search button').boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(320);
    expect(await page.locator('[data-elder-toggle]').innerText()).toBe('退出长辈模式');
    await context.close();
  }, 120_000);

  it('takes well under a third of a 390×844 screen, in 长辈模式 too', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(site.url + paths.home());
    const height = () => page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
    const normal = await height();
    await page.locator('[data-elder-toggle]').click();
    const elder = await height();
    console.log(`header at 390×844: ${Math.round(normal)} px, 长辈模式 ${Math.round(elder)} px`);
    expect(normal).toBeLessThan(PHONE.height * 0.25);
    expect(elder).toBeLessThan(PHONE.height * 0.28);
    // Every section stays reachable: the row scrolls by itself, the page does not.
    expect(await page.locator('nav[aria-label="主导航"] a').last().isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('shows every page’s content and hides the toggle that needs a script', async () => {
    const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const urlPath of [paths.home(), paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'), paths.letter('han-jia-zhi-jia-zhang-2024')]) {
      await page.goto(site.url + urlPath);
      expect(await page.locator('main h1').textContent()).toBeTruthy();
      expect(await page.locator('[data-elder-toggle]').isVisible()).toBe(false);
      // 首页, the sections in the content table's order, 求助.
      expect(await page.locator('nav[aria-label="主导航"] a').count()).toBe(NAV_TYPES.length + 2);
    }
    await context.close();
  });
});

describe('print', () => {
  it('prints a letter on A4 without navigation or footer, the reply slip in the printed page', async () => {
    const page = await site.browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(site.url + paths.letter('han-jia-zhi-jia-zhang-2024'));
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.breadcrumbs', '.lead-tile', 'a[download]']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    const shot = await page.screenshot({ fullPage: true });
    const { height } = (await sharp(shot).metadata()) as { height: number };
    const slip = (await page.locator('.reply-slip').boundingBox())!;
    expect(slip.height).toBeGreaterThan(100);
    expect(slip.y + slip.height).toBeLessThanOrEqual(height);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('prints news and topics without navigation, footer or related links', async () => {
    const page = await site.browser.newPage();
    for (const url of [paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'), paths.topic('ren-shi-xin-xing-du-pin')]) {
      await page.goto(site.url + url);
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-header', '.site-footer', '.prev-next', '#related-heading']) {
        expect(await page.locator(hidden).first().isVisible(), `${url} ${hidden}`).toBe(false);
      }
      expect(await page.locator('main h1').isVisible()).toBe(true);
    }
    await page.close();
  });
});
