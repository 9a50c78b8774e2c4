/**
 * The help finder and a base's booking block on phones (390 and 320 px): no
 * sideways scroll, axe clean with every town opened, the ask-first path within
 * the first screens, and a service reached by its link with JavaScript off.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '#/lib/site/urls.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';

const main = browseBuiltSite(SITES.main.outDir);
const otherCity = browseBuiltSite(SITES.otherCity.outDir);

const WIDTHS = [390, 320];

const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(WIDTHS)('at %i px', (width) => {
  const viewport = { width, height: 844 };

  it('the help page: the ask-first path within two screens, every town opened, no sideways scroll, axe clean', async () => {
    const context = await main.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(main.url + paths.help());
    const top = (selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    expect(await top('#ask-first')).toBeLessThan(2 * viewport.height);
    // Open every town, as a reader looking through them would, so axe and the width check see the stations too.
    await page
      .locator('.town-list summary')
      .evaluateAll((summaries) => summaries.forEach((s) => ((s.parentElement as HTMLDetailsElement).open = true)));
    expect(await page.locator('.town-list > details[open]').count()).toBe(13);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each([
    ['Qionghai, phone not yet published', main, paths.base('jiaji-jiaoyu-jidi')],
    ['the other city, with a phone and an online form', otherCity, paths.base('chengguan-jiaoyu-guan')],
  ])('a base page (%s): the booking block fits, no sideways scroll, axe clean', async (_, site, urlPath) => {
    const context = await site.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(site.url + urlPath);
    const block = page.locator('section.booking');
    await expect(block.isVisible()).resolves.toBe(true);
    const box = (await block.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('a link to a town’s station opens its town and shows the station', async () => {
    const context = await main.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(main.url + paths.service('jiaji-she-jie-she-kang'));
    await expect(page.locator('#jiaji-she-jie-she-kang').isVisible()).resolves.toBe(true);
    await expect(page.locator('#town-jia-ji-zhen').getAttribute('open')).resolves.not.toBeNull();
    await context.close();
  });
});
