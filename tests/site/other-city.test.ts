/**
 * The generator, not one site: a made-up county's settings and three content
 * files, built by the same code, must show none of Qionghai's facts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BODY_IMAGE_MAX_WIDTH } from '../../src/lib/markdown-plugins.ts';
import { imageMetadataProblems } from '../../src/lib/output-images.ts';
import { loadSettings } from '../../src/lib/settings.ts';
import { paths } from '../../src/lib/urls.ts';
import { SITES, builtPages, readPage } from './sites.ts';

const site = SITES.otherCity;
const qionghai = loadSettings(SITES.main.contentDir, {});

describe('a second city built with the same code', () => {
  const pages = builtPages(site);

  it('builds every page type it has content for', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        '/',
        paths.newsList(),
        paths.news('2025-05-10-chengguan-jindu-zhan-lan'),
        paths.lectures(),
        paths.letter('shu-jia-xin-2025'),
        paths.bases(),
        paths.topics(),
        paths.campaigns(),
        paths.about(),
      ]),
    );
  });

  it("uses the county's own name, publisher, footer and colours", () => {
    const doc = parse(readPage(site, '/'));
    expect(doc.querySelector('.site-brand__name')?.text).toBe('青禾禁毒');
    expect(doc.querySelector('.site-footer')?.text).toContain('青ICP备12345678号');
    expect(doc.querySelector('.site-footer')?.text).not.toContain('占位');
    expect(doc.querySelector('style')?.text).toContain('--color-primary:#2e6b3a');
    expect(doc.querySelector('.notice')).toBeNull(); // sampleData: false
    expect(doc.querySelector('a[href="tel:09991234567"]')).not.toBeNull();
  });

  it('contains nothing specific to Qionghai', () => {
    const words = [qionghai.name, qionghai.region, qionghai.publisher, ...qionghai.towns, '海南'];
    for (const page of [...pages, paths.rss(), paths.sitemap()]) {
      const text = readPage(site, page);
      for (const word of words) expect(text.includes(word), `${page} mentions ${word}`).toBe(false);
    }
  });

  it('writes its feed and sitemap on its own host', () => {
    expect(readPage(site, paths.rss())).toContain(`${site.siteUrl}/news/2025-05-10-chengguan-jindu-zhan-lan/`);
    expect(readPage(site, paths.sitemap())).toContain(`<loc>${site.siteUrl}/</loc>`);
  });
});

describe('src/ holds no Qionghai fact', () => {
  it('names no Qionghai town, office or outlet in code', async () => {
    const { globSync } = await import('node:fs');
    const files = globSync('src/**/*.{ts,astro,css}');
    // Not '琼' alone: it is in the national list of licence-plate provinces.
    const words = [qionghai.region, qionghai.publisher, ...qionghai.towns, '海南'];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const word of words) expect(text.includes(word), `${file} mentions ${word}`).toBe(false);
    }
  });
});

describe('photos', () => {
  it('resizes a phone photo in an article body and strips its EXIF and GPS data', async () => {
    const source = await sharp(`${site.contentDir}/news/zhan-ban-zhao-pian.jpg`).metadata();
    expect(source.exif).toBeDefined(); // the fixture carries camera and GPS data

    const img = parse(readPage(site, paths.news('2025-05-10-chengguan-jindu-zhan-lan'))).querySelector('[data-body] img')!;
    expect(img.getAttribute('alt')).toBe('城关镇文化广场上的禁毒图片展板');
    expect(Number(img.getAttribute('width'))).toBe(BODY_IMAGE_MAX_WIDTH);
    const built = await sharp(`${site.outDir}${img.getAttribute('src')}`).metadata();
    expect(built.width).toBe(BODY_IMAGE_MAX_WIDTH);
    expect(await imageMetadataProblems(site.outDir)).toEqual([]);
    expect(readdirSync(`${site.outDir}/_astro`).filter((f) => f.endsWith('.jpg'))).toEqual([]);
  });

  it('would refuse to publish an image that kept its EXIF', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exif-'));
    cpSync(`${site.contentDir}/news/zhan-ban-zhao-pian.jpg`, `${dir}/photo.jpg`);
    expect(await imageMetadataProblems(dir)).toEqual([
      expect.objectContaining({ file: '/photo.jpg', message: expect.stringContaining('图片带有 EXIF 信息') }),
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});
