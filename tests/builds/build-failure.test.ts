/**
 * A mistake stops `astro build` with a Chinese message and no stack trace, and
 * the site already published stays exactly as it was: whether the gate catches
 * it before rendering or the output checks catch it after. A failure of the
 * search index, which is written beside the checks, also publishes nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { astroBuild, buildEnv, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'bad-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const news = (body: string, date = '2025-02-28') =>
  `---\ntitle: 北山镇开展禁毒宣传活动\ndate: "${date}"\ncategory: 宣传教育\noutlets: [本站]\nsummary: 北山镇在集市上设点宣传禁毒知识，发放宣传资料。\n---\n\n${body}\n`;

function buildWith(name: string, file: string, text: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const contentDir = path.join(work, name, 'content');
  const outDir = path.join(work, name, 'dist');
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  writeFileSync(path.join(contentDir, file), text);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), 'published');
  const env = { ...buildEnv({ name: `bad-${name}`, contentDir, outDir, siteUrl: 'https://bad.example' }), ...extraEnv };
  // A clean build: Astro's content cache from an earlier run would point at an older temporary folder.
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });
  return { ...astroBuild(env), outDir };
}

it.each([
  {
    name: 'gate',
    file: 'news/2025-06-01-bad.md',
    text: news('正文', '2025-02-30').replace('宣传教育', '新闻'),
    messages: [
      '内容检查发现 2 处错误，网站没有生成',
      'news/2025-06-01-bad.md:3 date 日期不存在：2025-02-30（请使用真实日期，如 2025-02-28）',
      'news/2025-06-01-bad.md:4 category 只能是以下之一',
    ],
  },
  {
    // Emphasis splits the digits in the source; the gate reads the paragraph as it will be shown.
    name: 'personal-data-split-by-emphasis',
    file: 'news/2025-02-28-id.md',
    text: news('登记号码460002**1985**06121235。'),
    messages: ['news/2025-02-28-id.md:9 疑似个人信息（身份证号：4600************35）'],
  },
  {
    // A body holding only a link definition renders to nothing.
    name: 'empty-body',
    file: 'news/2025-02-28-empty.md',
    text: news('[参考]: /news/'),
    messages: ['news/2025-02-28-empty.md:8 正文在生成的页面 /news/2025-02-28-empty/ 里是空的'],
  },
])('$name: fails with the message, no stack trace, and the published site untouched', ({ name, file, text, messages }) => {
  const { status, output, outDir } = buildWith(name, file, text);
  expect(status).not.toBe(0);
  for (const message of messages) expect(output).toContain(message);
  expect(output).not.toContain('Stack trace');
  expect(output).not.toContain('460002198506121235');
  expect(readdirSync(outDir)).toEqual(['index.html']);
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('published');
});

it.each([
  { name: 'exits at once', script: 'exit 3' },
  // Its answer never comes: the build must not end as if it had passed (exit code 0, nothing published).
  { name: 'exits later without answering', script: 'sleep 1\nexit 3' },
])(
  'fails, and publishes nothing, when the search index (written beside the checks) fails: Pagefind $name',
  ({ name, script }) => {
    // pagefind's Node API runs the binary named here instead of its own.
    const broken = path.join(work, `broken-pagefind-${name.replaceAll(' ', '-')}.sh`);
    writeFileSync(broken, `#!/bin/sh\necho "pagefind is broken" >&2\n${script}\n`, { mode: 0o755 });
    const { status, output, outDir } = buildWith(
      `search-index-${name.replaceAll(' ', '-')}`,
      'news/2025-02-28-fine.md',
      news('北山镇禁毒宣传活动在集市举行。'),
      {
        PAGEFIND_EXTENDED_BINARY_PATH: broken,
      },
    );
    expect(status).not.toBe(0);
    expect(output).toContain('搜索索引生成失败');
    expect(output).toContain('不是文稿的问题');
    // The checks ran meanwhile and passed: the failure is the index's alone.
    expect(output).toContain('个页面检查通过');
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('published');
  },
  120_000,
);

it('fails, and publishes nothing, when a file copied from public/ carries XMP or an SVG script', async () => {
  const publicDir = path.join(work, 'public-with-metadata');
  mkdirSync(publicDir, { recursive: true });
  const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>';
  const photo = sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).withXmp(xmp);
  writeFileSync(path.join(publicDir, 'photo.jpg'), await photo.jpeg().toBuffer());
  writeFileSync(path.join(publicDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const { status, output, outDir } = buildWith('public-metadata', 'news/2025-02-28-fine.md', news('北山镇禁毒宣传活动在集市举行。'), {
    SITE_PUBLIC_DIR: publicDir,
  });
  expect(status).not.toBe(0);
  expect(output).toContain('/photo.jpg 图片带有 XMP 信息');
  expect(output).toContain('/logo.svg SVG 图片含有脚本（script）');
  expect(output).not.toContain('Stack trace');
  expect(readdirSync(outDir)).toEqual(['index.html']);
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('published');
}, 120_000);

it('still checks every changed page when the caches from a passing build are warm', () => {
  const contentDir = path.join(work, 'warm', 'content');
  const outDir = path.join(work, 'warm', 'dist');
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  const env = buildEnv({ name: 'bad-warm', contentDir, outDir, siteUrl: 'https://bad.example' });
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });
  const build = () => astroBuild(env);
  expect(build().status).toBe(0);
  const home = readFileSync(path.join(outDir, 'index.html'));
  // An existing page whose body now renders to nothing: only the check of the built page can see it.
  const file = path.join(contentDir, 'news/2025-05-10-chengguan-jindu-zhan-lan.md');
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.slice(0, source.indexOf('\n---', 3) + 4) + '\n\n[参考]: /news/\n');
  const result = build();
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('正文在生成的页面 /news/2025-05-10-chengguan-jindu-zhan-lan/ 里是空的');
  expect(readFileSync(path.join(outDir, 'index.html')).equals(home)).toBe(true);
}, 120_000);
