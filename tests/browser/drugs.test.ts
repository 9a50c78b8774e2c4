/**
 * The drug A–Z on phones (390 px and 320 px): the letter tabs and the lists fit
 * without sideways scrolling, a letter jumps to its group, and the header with
 * the section in the navigation stays compact. Heights are printed for the note.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '#/lib/site/urls.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';

const site = browseBuiltSite(SITES.main.outDir);

const measure = (page: Page) =>
  page.evaluate(() => ({
    sideways: document.documentElement.scrollWidth > window.innerWidth + 1,
    height: document.documentElement.scrollHeight,
    header: document.querySelector('.site-header')!.getBoundingClientRect().height,
    tabs: [...document.querySelectorAll('nav[aria-label="按拼音首字母"] a, nav[aria-label="按拼音首字母"] span')].map((el) => {
      const box = el.getBoundingClientRect();
      return { right: box.right, width: box.width, height: box.height };
    }),
  }));

describe.each([390, 320])('the A–Z index at %i px', (width) => {
  it('fits the screen, with letter tabs large enough to tap, and a letter jumps to its group', async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    for (const urlPath of [paths.drugs(), paths.drug('he-cheng-da-ma-su'), paths.drug('han-ke-dai-yin-zhi-ke-shui')]) {
      await page.goto(site.url + urlPath);
      expect((await measure(page)).sideways, urlPath).toBe(false);
    }
    await page.goto(site.url + paths.drugs());
    const { height, header, tabs } = await measure(page);
    console.log(`drugs index at ${width} px: page ${height} px, header ${Math.round(header)} px`);
    expect(tabs).toHaveLength(26);
    for (const tab of tabs) {
      expect(tab.right).toBeLessThanOrEqual(width);
      expect(Math.min(tab.width, tab.height)).toBeGreaterThanOrEqual(44);
    }
    await page.click('nav[aria-label="按拼音首字母"] a[href$="#letter-l"]');
    await page.waitForFunction(() => location.hash === '#letter-l');
    const top = await page.locator('#letter-l').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(100);
    await context.close();
  });
});
