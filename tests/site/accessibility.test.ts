/**
 * What only a browser shows: axe finds no WCAG A/AA violations, 长辈模式
 * enlarges the type without breaking the layout and is remembered, the pages
 * work with JavaScript off, and nothing trips the CSP.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/urls.ts';
import { launchChromium } from './browser.ts';
import { serve } from './serve.ts';
import { SITES } from './sites.ts';

const PHONE = { width: 390, height: 844 };

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serve(SITES.main.outDir)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PAGES = [
  paths.home(),
  paths.newsList(),
  paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'),
  paths.lectures(),
  paths.letter('han-jia-zhi-jia-zhang-2024'),
  paths.bases(),
  paths.base('tanmen-haian-yizhan'),
  paths.topic('ren-shi-xin-xing-du-pin'),
  paths.campaign('spring-mobile-classroom-2024'),
  paths.help(),
  '/404.html',
];

async function open(page: Page, urlPath: string) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  await page.goto(server.url + urlPath);
  return violations;
}

async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

describe('accessibility', () => {
  it.each(PAGES)('%s has no axe violations, no console errors and no sideways scroll on a phone', async (urlPath) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors = await open(page, urlPath);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await context.close();
  });
});

describe('长辈模式', () => {
  it('enlarges the type, keeps the layout and is remembered across pages', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await open(page, paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'));
    const toggle = page.locator('[data-elder-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();

    await toggle.click();
    expect(await size()).toBeGreaterThanOrEqual(before * 1.2);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await overflowsSideways(page)).toBe(false);

    await page.goto(server.url + paths.lectures());
    expect(await size()).toBeGreaterThanOrEqual(before * 1.2);
    expect(await page.locator('[data-elder-toggle]').getAttribute('aria-pressed')).toBe('true');
    expect(await overflowsSideways(page)).toBe(false);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    await page.locator('[data-elder-toggle]').click();
    await page.reload();
    expect(await size()).toBe(before);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('shows every page’s content and hides the toggle that needs a script', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const urlPath of [paths.home(), paths.news('2024-02-27-jiaji-sanzhong-xuanjiang'), paths.letter('han-jia-zhi-jia-zhang-2024')]) {
      await page.goto(server.url + urlPath);
      expect(await page.locator('main h1').textContent()).toBeTruthy();
      expect(await page.locator('[data-elder-toggle]').isVisible()).toBe(false);
      expect(await page.locator('nav[aria-label="主导航"] a').count()).toBe(8);
    }
    await context.close();
  });
});

describe('print', () => {
  it('prints a letter without navigation or footer, with the reply slip', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + paths.letter('han-jia-zhi-jia-zhang-2024'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.reply-slip').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});
