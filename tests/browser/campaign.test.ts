/**
 * The campaign page on phones (390 and 320 px): its 113 records grouped by town
 * and collapsed keep the page within about eight screens; a group opens and
 * closes without JavaScript, all print, and a plain link goes back to the top.
 */
import { describe, expect, it } from 'vitest';
import { paths } from '#/lib/site/urls.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const site = browseBuiltSite(SITES.main.outDir);
const SCREEN = 844;
const campaign = () => readdirSync(path.join(SITES.main.outDir, 'campaigns')).find((f) => !f.includes('.'))!;

describe('the campaign page on a phone', () => {
  it.each([390, 320])('is at most eight screens long at %i px; a group opens and closes, without JavaScript', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: SCREEN }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + paths.campaign(campaign()));
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    const collapsed = await height();
    console.log(`campaign page at ${width} px: ${collapsed} px (${(collapsed / SCREEN).toFixed(1)} screens) with the groups closed`);
    expect(collapsed).toBeLessThanOrEqual(8 * SCREEN);

    const group = page.locator('.event-group').first();
    const rows = group.locator('tbody tr');
    expect(await rows.first().isVisible()).toBe(false);
    await group.locator('summary').click();
    expect(await rows.first().isVisible()).toBe(true);
    expect(await rows.last().isVisible()).toBe(true);
    const opened = await height();
    console.log(`  with the first group open: ${opened} px (${(opened / SCREEN).toFixed(1)} screens)`);
    expect(opened).toBeGreaterThan(collapsed);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await group.locator('summary').click();
    expect(await rows.first().isVisible()).toBe(false);
    expect(await height()).toBe(collapsed);

    // On paper every group is open.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.event-group tbody tr').last().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.keyboard.press('End');
    await page.getByRole('link', { name: '回到顶部' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });
});
