/**
 * The home page's cards as a browser lays them out: none touches another, on
 * phones and on a desktop screen.
 */
import { describe, expect, it } from 'vitest';
import { paths } from '#/lib/site/urls.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';

const site = browseBuiltSite(SITES.main.outDir);

describe('home page cards', () => {
  it.each([
    { width: 320, height: 700 },
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ])('keep at least 16 px between any two cards at $width px', async (viewport) => {
    const page = await site.browser.newPage({ viewport });
    try {
      await page.goto(site.url + paths.home());
      const boxes = await page.$$eval('main .panel', (panels) =>
        panels.map((p) => {
          const r = p.getBoundingClientRect();
          return { id: p.getAttribute('aria-labelledby'), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
      expect(boxes.map((b) => b.id)).toEqual(expect.arrayContaining(['help-heading', 'campaign-heading']));
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          // The distance between two boxes: the larger of the horizontal and vertical gaps.
          const gap = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
          expect(gap, `${a.id} and ${b.id}`).toBeGreaterThanOrEqual(16);
        }
    } finally {
      await page.close();
    }
  });
});
