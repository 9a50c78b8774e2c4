/**
 * A letter page as built: its printed sheet ends with the page's address and a
 * QR code that decodes to it, and its 打印 and 复制链接 controls are plain links
 * to places on the page (what a reader without JavaScript gets).
 */
import jsQR from 'jsqr';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { absoluteUrl, paths } from '#/lib/site/urls.ts';
import { SITES, readPage } from '../helpers/sites.ts';

const site = SITES.main;
const letters = checkContent(site.contentDir, loadSettings(site.contentDir, {})).entries.filter((e) => e.collection === 'letters');

/** An inline SVG of the page rasterised and read as a QR code (as XML: without the HTML-only valueless scoping attributes). */
async function decodeInlineQr(svg: string): Promise<string | undefined> {
  const xml = svg.replace(/ data-astro-cid-\w+/g, '').replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" width="370" height="370" ');
  const file = Buffer.from(xml);
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('letter pages', () => {
  it.each(letters.map((l) => l.id))('%s: the printed sheet carries the address and a QR code to it', async (id) => {
    const doc = parse(readPage(site, paths.letter(id)));
    const address = absoluteUrl(paths.letter(id), site.siteUrl);
    const source = doc.querySelector('.letter__source')!;
    expect(source.querySelector('.letter__address')?.text).toBe(address);
    expect(await decodeInlineQr(source.querySelector('svg')!.outerHTML)).toBe(address);
    // Above the cut line: it stays with the family when the slip goes back to school.
    const html = doc.querySelector('article')!.innerHTML;
    expect(html.indexOf('letter__source')).toBeLessThan(html.indexOf('reply-slip'));
  });

  it.each(letters.map((l) => l.id))('%s: 打印 and 复制链接 are links to the help and the address on the page', (id) => {
    const doc = parse(readPage(site, paths.letter(id)));
    const target = (selector: string) => doc.querySelector(selector)?.getAttribute('href')?.slice(1) ?? '';
    const help = doc.getElementById(target('[data-letter-print]'));
    expect(help?.text).toContain('Ctrl+P');
    expect(help?.text).toContain('在浏览器打开');
    const address = doc.getElementById(target('[data-letter-copy]'));
    // A link to this page (long-press copies it), spelled out in full.
    expect(address?.querySelector('a')?.getAttribute('href')).toBe(paths.letter(id));
    expect(address?.querySelector('a')?.text.trim()).toBe(absoluteUrl(paths.letter(id), site.siteUrl));
    expect(doc.querySelector('[data-letter-tools] a[download]')?.getAttribute('href')).toBe(paths.letterImage(id));
  });
});
