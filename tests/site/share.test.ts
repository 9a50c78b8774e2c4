/**
 * Sharing: every page's link card exists at the size its tags promise, the
 * QR codes decode to the right pages, the font covers every character drawn,
 * and the letter image script makes per-school variants. Redrawing only what
 * changed is tested in rebuild.test.ts; same inputs, same bytes in
 * tests/unit/compose.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import jsQR from 'jsqr';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { filesUnder } from '#/lib/build/output-checks.ts';
import { replySlipText, slipWithoutPrinter, type ReplySlipSource } from '#/lib/content/reply-slip.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { absoluteUrl, paths } from '#/lib/site/urls.ts';
import { FONT_FILES } from '#/og/fonts.ts';
import { letterBlocks } from '#/og/letter-blocks.ts';
import { cacheFile } from '#/og/render.ts';
import { shareImagesOf, sourcesFromGate } from '#/og/share-list.ts';
import { BUILD_DATE, ROOT, SITES, buildEnv, builtPages, readPage } from '../helpers/sites.ts';

const site = SITES.main;
const pages = builtPages(site);
const fileOf = (url: string) => path.join(site.outDir, new URL(url, site.siteUrl).pathname);

async function decodeQr(file: string): Promise<string | undefined> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('link cards and tags', () => {
  it('gives every page og, twitter, canonical and government meta tags with absolute URLs', () => {
    for (const page of pages.filter((p) => p !== '/404.html')) {
      const doc = parse(readPage(site, page));
      const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
      for (const key of [
        'og:title',
        'og:description',
        'og:url',
        'og:image',
        'og:site_name',
        'twitter:card',
        'twitter:image',
        'SiteName',
        'ContentSource',
      ]) {
        expect(meta(key), `${page} ${key}`).toBeTruthy();
      }
      expect(meta('og:url')).toBe(`${site.siteUrl}${page}`);
      expect(meta('og:image')!.startsWith(`${site.siteUrl}/og/`), page).toBe(true);
      expect(meta('og:locale')).toBe('zh_CN');
    }
    const article = parse(readPage(site, paths.news('2024-02-27-jiaji-sanzhong-xuanjiang')));
    const get = (name: string) => article.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
    expect([get('ColumnName'), get('ArticleTitle'), get('PubDate')]).toEqual([
      '禁毒新闻',
      '市学校毒品预防教育宣讲团走进嘉积三中',
      '2024-02-27',
    ]);
    expect(get('ContentSource')).toContain('中国禁毒报');
  });

  it('points only at images that were built, at the size the tags say', async () => {
    const images = new Set(
      pages.map((p) => parse(readPage(site, p)).querySelector('meta[property="og:image"]')?.getAttribute('content')).filter(Boolean),
    );
    expect(images.size).toBeGreaterThan(130);
    for (const url of images) {
      const { width, height, format } = await sharp(fileOf(url!)).metadata();
      expect([width, height, format], url).toEqual([1200, 630, 'png']);
    }
  });

  it('draws ahead, from the content gate’s entries, exactly the images the build wrote', () => {
    const env = buildEnv(site);
    const settings = loadSettings(site.contentDir, env);
    const ahead = shareImagesOf(sourcesFromGate(checkContent(site.contentDir, settings).entries), settings, BUILD_DATE);
    const written = filesUnder(path.join(site.outDir, 'og'), () => true).map(
      (f) => `/${path.relative(site.outDir, f).split(path.sep).join('/')}`,
    );
    expect(ahead.map((image) => image.path).sort()).toEqual(written.sort());
    // Same inputs, so the worker's file is the one the build published.
    for (const image of ahead) {
      const drawnAhead = readFileSync(cacheFile(image, path.join(env.SITE_CACHE_DIR!, 'og')));
      expect(drawnAhead.equals(readFileSync(path.join(site.outDir, image.path))), image.path).toBe(true);
    }
  });

  it('shows a square lead image of at least 300×300 near the top of letters, lectures and news without a photo', async () => {
    for (const page of [paths.letter('han-jia-zhi-jia-zhang-2024'), paths.lectures(), paths.news('2024-02-27-jiaji-sanzhong-xuanjiang')]) {
      const first = parse(readPage(site, page)).querySelector('main img')!;
      const { width, height } = await sharp(fileOf(first.getAttribute('src')!)).metadata();
      expect(Math.min(width!, height!), page).toBeGreaterThanOrEqual(300);
    }
  });
});

describe('letters and posters', () => {
  const { entries } = checkContent(site.contentDir, loadSettings(site.contentDir, {}));
  const letters = entries.filter((e) => e.collection === 'letters');

  it('has a 1080-wide long image for every letter, a download button, and a QR code to the letter', async () => {
    for (const letter of letters) {
      const link = parse(readPage(site, paths.letter(letter.id))).querySelector('a[download]')!;
      expect(link.getAttribute('href')).toBe(paths.letterImage(letter.id));
      const file = fileOf(paths.letterImage(letter.id));
      const { width, height } = await sharp(file).metadata();
      expect(width).toBe(1080);
      expect(height!).toBeGreaterThan(1500);
      expect(await decodeQr(file)).toBe(absoluteUrl(paths.letter(letter.id), site.siteUrl));
    }
  });

  it('has a 1080×1440 poster for every upcoming lecture, with a QR code to its place in the schedule', async () => {
    const upcoming = parse(readPage(site, paths.lectures())).querySelectorAll('main table')[0]!.querySelectorAll('tbody tr');
    expect(upcoming.length).toBeGreaterThan(0);
    for (const row of upcoming) {
      const href = row.querySelector('a[download]')!.getAttribute('href')!;
      expect(href).toBe(paths.lecturePoster(row.id));
      const { width, height } = await sharp(fileOf(href)).metadata();
      expect([width, height]).toEqual([1080, 1440]);
      expect(await decodeQr(fileOf(href))).toBe(absoluteUrl(paths.lecture(row.id), site.siteUrl));
    }
  });

  it('has a glyph in the shipped font for every character it draws', () => {
    const font = fontkit.openSync(FONT_FILES.regular) as fontkit.Font;
    const texts = [
      ...entries.flatMap((e) =>
        [e.data.title, e.data.name, e.data.topic, e.data.school, e.data.venue].filter((t): t is string => typeof t === 'string'),
      ),
      ...letters.flatMap((l) => [String(l.data.salutation), String(l.data.issuer), ...letterBlocks(l.body).map((b) => b.text)]),
      ...letters.flatMap((l) => {
        const slip = l.data.replySlip as ReplySlipSource | undefined;
        const title = String(l.data.title);
        return slip ? [...Object.values(replySlipText(slip, title)).flat(), slipWithoutPrinter(slip, title)] : [];
      }),
      '微信扫一扫，查看原文、打印回执扫码查看全部宣讲安排年月日星期一二三四五六日·–',
    ];
    const missing = new Set([...texts.join('')].filter((c) => c.trim() && !font.hasGlyphForCodePoint(c.codePointAt(0)!)));
    expect([...missing]).toEqual([]);
  });

  it('makes a school’s own long image on demand', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'letter-image-'));
    const result = spawnSync(
      process.execPath,
      ['scripts/letter-image.ts', 'han-jia-zhi-jia-zhang-2024', '--school', '嘉积第三中学', '--out', out],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SITE_CACHE_DIR: path.join(out, 'cache') },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const file = path.join(out, 'han-jia-zhi-jia-zhang-2024-jia-ji-di-san-zhong-xue.png');
    expect(result.stdout).toContain('嘉积第三中学：');
    const plain = readFileSync(fileOf(paths.letterImage('han-jia-zhi-jia-zhang-2024')));
    const own = readFileSync(file);
    expect(own.equals(plain)).toBe(false);
    expect((await sharp(own).metadata()).width).toBe(1080);
    // The site is built at the test host; the script reads the site's own URL from site.yaml.
    expect(await decodeQr(file)).toBe(absoluteUrl(paths.letter('han-jia-zhi-jia-zhang-2024'), loadSettings(site.contentDir, {}).url));
    rmSync(out, { recursive: true, force: true });
  });
});
