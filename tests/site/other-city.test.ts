/**
 * The generator, not one site: a made-up county (县, with 乡 and no coastline)
 * built from its own settings and a few content files by the same code must
 * show none of Qionghai's names or words, and src/ must hold none of them.
 */
import { cpSync, globSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { faviconSvg } from '#/lib/site/favicon.ts';
import { BODY_IMAGE_MAX_WIDTH } from '#/lib/content/markdown-plugins.ts';
import { imageMetadataProblems } from '#/lib/build/output-images.ts';
import { placeStem } from '#/lib/site/place.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { paths } from '#/lib/site/urls.ts';
import { SITES, builtPages, readPage } from '../helpers/sites.ts';

const site = SITES.otherCity;
const qionghai = loadSettings(SITES.main.contentDir, {});
const county = loadSettings(site.contentDir, {});

/** Every Markdown file of Qionghai's content, for the names its schools go by. */
const qionghaiText = globSync('**/*.md', { cwd: SITES.main.contentDir, exclude: ['README.md'] })
  .map((file) => readFileSync(path.join(SITES.main.contentDir, file), 'utf8'))
  .join('\n');
const stems = [qionghai.region, ...qionghai.towns].map(placeStem);
/** 嘉积三中, 嘉积第三中学, 博鳌中学, 长坡镇中心学校…: schools named after a Qionghai place, as its content writes them. */
const schools = [
  ...new Set(
    stems.flatMap((stem) =>
      [
        ...qionghaiText.matchAll(new RegExp(`${stem}(?:镇|华侨经济区)?(?:第?[一二三四五六七八九十]+中(?:学)?|中学|中心学校|小学)`, 'g')),
      ].map((m) => m[0]),
    ),
  ),
];

/** Qionghai's names and words: its office, towns (whole and without 镇), schools, coast and area code. */
const QIONGHAI_WORDS = [
  qionghai.name,
  qionghai.region,
  qionghai.publisher,
  ...qionghai.towns,
  ...stems,
  ...schools,
  '海南',
  '海岸线',
  '0898',
];
/** Qionghai's coordinates (19.2x N, 110.4x E), not as part of a longer number. */
const QIONGHAI_COORDINATES = /(?<![\d.])(?:19\.2\d|110\.4\d)/;

/** The Qionghai words and coordinates in `text`. */
const qionghaiIn = (text: string) => [...QIONGHAI_WORDS.filter((w) => text.includes(w)), ...(QIONGHAI_COORDINATES.exec(text) ?? [])];

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

  it('knows the words it looks for', () => {
    expect(schools).toEqual(expect.arrayContaining(['嘉积三中', '嘉积第三中学', '博鳌中学', '长坡镇中心学校']));
    expect(QIONGHAI_WORDS).toEqual(expect.arrayContaining(['琼海', '嘉积', '彬村山', '海岸线']));
    expect(qionghaiIn('lat: 19.24, lng: 110.47，电话 0898-62800000')).toEqual(['0898', '19.24']);
    expect(qionghaiIn('119.25 元，2110.45 米')).toEqual([]);
  });

  it('contains nothing specific to Qionghai, in any file it writes', () => {
    // Every text file: pages, feed, sitemap, calendar, downloads, scripts, styles, the icon, headers.
    const files = globSync('**/*', { cwd: site.outDir, withFileTypes: true })
      .filter(
        (d) =>
          d.isFile() &&
          /\.(html|xml|ics|csv|json|js|css|svg|txt)$|^_headers$/.test(d.name) &&
          !d.parentPath.includes(`${path.sep}pagefind`) &&
          // Decap CMS's own files, copied from the package as they are (its numbers are not ours).
          !d.parentPath.includes(`${path.sep}admin${path.sep}decap`),
      )
      .map((d) => path.relative(site.outDir, path.join(d.parentPath, d.name)));
    expect(files.length).toBeGreaterThan(pages.length);
    const found = files.flatMap((file) => qionghaiIn(readFileSync(path.join(site.outDir, file), 'utf8')).map((word) => `${file}: ${word}`));
    expect(found).toEqual([]);
  });

  it("speaks of a county and its townships, in the county's own words", () => {
    const all = builtPages(site)
      .map((page) => readPage(site, page))
      .join('\n');
    for (const word of ['市禁毒办', '本市', '全市', '镇（区）', '镇区']) expect(all.includes(word), word).toBe(false);
    expect(parse(readPage(site, paths.letters())).querySelector('.page-lead')?.text).toContain('县禁毒办会同教育部门');
    expect(parse(readPage(site, paths.topics())).querySelector('.page-lead')?.text).toContain('内容由县禁毒办审核');
    expect(parse(readPage(site, paths.newsList())).querySelector('.page-lead')?.text).toMatch(/^本县禁毒工作/);
    const search = parse(readPage(site, paths.search()));
    expect(search.querySelector('select[name=town]')?.getAttribute('data-filter')).toBe('乡镇');
    expect(search.querySelector('select[name=town]')?.parentNode?.text.trim()).toMatch(/^乡镇/);
    // The hint's examples come from this site's content: its tag, its school, its letter.
    expect(search.querySelector('[data-search-status]')?.getAttribute('data-hint')).toBe(
      '请输入要搜索的词，如“图片展”“河西乡中学”“暑假家长信”。',
    );
    expect(readPage(site, paths.news('2025-05-10-chengguan-jindu-zhan-lan'))).toContain('data-pagefind-filter="乡镇:城关镇"');
  });

  it('lists its own kinds of base, with their descriptions, under a title made of them', () => {
    const doc = parse(readPage(site, paths.bases()));
    expect(doc.querySelector('h1')?.text).toBe('禁毒教育馆和村级禁毒宣传点');
    expect(doc.querySelector('meta[name=description]')?.getAttribute('content')).toBe(
      '全县禁毒教育馆和村级禁毒宣传点：地址、开放时间、团体参观预约和检查情况。',
    );
    const sections = doc
      .querySelectorAll('section')
      .map((s) => [s.querySelector('h2')?.id, s.querySelector('h2')?.text, s.querySelector('p')?.text]);
    expect(sections).toEqual(county.baseKinds.map((k) => [k.slug, `${k.name}（1 处）`, k.description]));
  });

  it('draws its icon in its own primary colour', () => {
    expect(readPage(site, '/favicon.svg')).toBe(faviconSvg(county.theme.primary));
    expect(readPage(site, '/favicon.svg')).toContain('fill="#2e6b3a"');
    expect(readPage(SITES.main, '/favicon.svg')).toContain(`fill="${qionghai.theme.primary}"`);
  });

  it('writes its feed and sitemap on its own host', () => {
    expect(readPage(site, paths.rss())).toContain(`${site.siteUrl}/news/2025-05-10-chengguan-jindu-zhan-lan/`);
    expect(readPage(site, paths.sitemap())).toContain(`<loc>${site.siteUrl}/</loc>`);
  });
});

describe('src/ holds no Qionghai fact', () => {
  it('names no Qionghai place, school, coast, area code or coordinate in code', () => {
    // Not '琼' alone: it is in the national list of licence-plate provinces.
    const files = [...globSync('src/**/*.{ts,astro,css,mjs,js,json}'), 'astro.config.mjs'];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => qionghaiIn(readFileSync(file, 'utf8')).map((word) => `${file}: ${word}`));
    expect(found).toEqual([]);
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
