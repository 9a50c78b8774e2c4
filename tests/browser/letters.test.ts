/**
 * A parent letter in Chromium, on phones (390 and 320 px) and on paper: the cut
 * line never strikes through its label, the sheet prints on as many pages in
 * 长辈模式 as without it, ends with its address and a QR code that scans, keeps
 * headings with their text, and 打印/复制链接 work with and without JavaScript
 * (in WeChat, which cannot print, 打印 says what to do instead).
 */
import jsQR from 'jsqr';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ELDER_MODE_STORAGE_KEY } from '#/lib/site/elder-mode.ts';
import { absoluteUrl, paths } from '#/lib/site/urls.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';

const site = browseBuiltSite(SITES.main.outDir);
const LETTER = 'han-jia-zhi-jia-zhang-2024';
const ADDRESS = absoluteUrl(paths.letter(LETTER), SITES.main.siteUrl);
const PHONES = [390, 320];
/** Turns 长辈模式 on before the page's own script reads it. */
const ELDER_MODE = { content: `localStorage.setItem(${JSON.stringify(ELDER_MODE_STORAGE_KEY)}, '1')` };

async function openLetter(options: BrowserContextOptions = {}, setup?: Parameters<BrowserContext['addInitScript']>[0]): Promise<Page> {
  const context = await site.browser.newContext(options);
  if (setup) await context.addInitScript(setup);
  const page = await context.newPage();
  await page.goto(site.url + paths.letter(LETTER));
  return page;
}

/** Where the cut line's dashes are, against its label. */
function cutLine() {
  const cut = document.querySelector('.reply-slip__cut')!;
  const label = cut.querySelector('span')!.getBoundingClientRect();
  const line = cut.getBoundingClientRect();
  // Any element's dashed border running through the label strikes it out (the old slip's border-top did).
  const crossing = [...document.querySelectorAll('body *')].filter((el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const edges = [style.borderTopStyle === 'dashed' && box.top, style.borderBottomStyle === 'dashed' && box.bottom];
    return edges.some((y) => y !== false && y >= label.top && y <= label.bottom && box.left < label.right && box.right > label.left);
  });
  const dash = (pseudo: string) => {
    const style = getComputedStyle(cut, pseudo);
    return { style: style.borderTopStyle, width: parseFloat(style.width) };
  };
  return {
    crossing: crossing.map((el) => el.className),
    display: getComputedStyle(cut).display,
    before: dash('::before'),
    after: dash('::after'),
    roomLeft: label.left - line.left,
    roomRight: line.right - label.right,
  };
}

function expectUnstruck(line: ReturnType<typeof cutLine>) {
  expect(line.crossing).toEqual([]);
  // The dashes are flex items beside the label, each with room of its own.
  expect(line.display).toBe('flex');
  for (const dash of [line.before, line.after]) {
    expect(dash.style).toBe('dashed');
    expect(dash.width).toBeGreaterThan(10);
  }
  expect(line.roomLeft).toBeGreaterThanOrEqual(line.before.width);
  expect(line.roomRight).toBeGreaterThanOrEqual(line.after.width);
}

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('the cut line', () => {
  it.each(PHONES)('leaves its label clear at %i px, on screen and in print', async (width) => {
    const page = await openLetter({ viewport: { width, height: 844 } });
    expectUnstruck(await page.evaluate(cutLine));
    await page.emulateMedia({ media: 'print' });
    expectUnstruck(await page.evaluate(cutLine));
    await page.context().close();
  });
});

describe('in 长辈模式 at 320 px', () => {
  it('fits the letter and its slip to the screen, the cut line’s label still clear', async () => {
    const page = await openLetter({ viewport: { width: 320, height: 844 } }, ELDER_MODE);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(overflowing).toEqual([]);
    expectUnstruck(await page.evaluate(cutLine));
    await page.context().close();
  });
});

describe('the printed letter', () => {
  it('prints on the same number of A4 pages in 长辈模式 as without it', async () => {
    const counts: number[] = [];
    for (const elder of [false, true]) {
      const page = await openLetter({ viewport: { width: 390, height: 844 } }, elder ? ELDER_MODE : undefined);
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(elder);
      counts.push(pdfPages(await page.pdf({ format: 'A4' })));
      await page.context().close();
    }
    console.log(`letter ${LETTER}: ${counts[0]} A4 pages, ${counts[1]} in 长辈模式`);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(2);
  });

  it('ends with its address and a QR code that scans to it, and keeps headings with their text', async () => {
    const page = await openLetter({ viewport: { width: 794, height: 1123 } });
    expect(await page.locator('.letter__source').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const source = page.locator('.letter__source');
    expect(await source.isVisible()).toBe(true);
    expect(await source.locator('.letter__address').textContent()).toBe(ADDRESS);
    const { data, info } = await sharp(await source.locator('svg').screenshot())
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(ADDRESS);
    // Nothing on screen only reaches the paper: the controls and the help are left off.
    for (const hidden of ['[data-letter-tools]', '#letter-help', '.back-to-top']) {
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    }
    const breaks = await page.locator('.letter h2').evaluateAll((hs) => hs.map((h) => getComputedStyle(h).breakAfter));
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(['avoid']));
    await page.context().close();
  });
});

describe('打印 and 复制链接', () => {
  it.each(PHONES)('are links to the help and the address without JavaScript (%i px)', async (width) => {
    const page = await openLetter({ viewport: { width, height: 844 }, javaScriptEnabled: false });
    await page.getByRole('link', { name: '打印', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#letter-help');
    expect(await page.locator('#letter-help').isVisible()).toBe(true);
    await page.getByRole('link', { name: '复制链接' }).click();
    expect(new URL(page.url()).hash).toBe('#letter-address');
    expect(await page.locator('#letter-address a').textContent()).toBe(ADDRESS);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.context().close();
  });

  it('print and copy the address with JavaScript', async () => {
    const page = await openLetter({ viewport: { width: 390, height: 844 } }, () => {
      window.print = () => ((window as unknown as { printed: number }).printed = 1);
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.getByRole('link', { name: '打印', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
    expect(new URL(page.url()).hash).toBe('');
    await page.getByRole('link', { name: '复制链接' }).click();
    await expect.poll(() => page.locator('[data-letter-status]').textContent()).toContain('链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ADDRESS);
    expect(new URL(page.url()).hash).toBe('');
    await page.context().close();
  });

  it('in WeChat, which cannot print, 打印 says how to open the page in a browser', async () => {
    const userAgent =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36 MicroMessenger/8.0.50';
    const page = await openLetter({ viewport: { width: 390, height: 844 }, userAgent }, () => {
      window.print = () => ((window as unknown as { printed: number }).printed = 1);
    });
    await page.getByRole('link', { name: '打印', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBeUndefined();
    expect(await page.locator('[data-letter-status]').textContent()).toContain('在浏览器打开');
    expect(new URL(page.url()).hash).toBe('#letter-help');
    await page.context().close();
  });
});
