/**
 * Rebuilds reuse what did not change, and nothing else: share images are
 * drawn once, pages are reused from the last build (Astro's incremental build,
 * keyed by src/lib/build/render-key.ts) and the search index and page checks are
 * kept. After an edit, the site shows the edit everywhere it appears.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '#/lib/build/output-checks.ts';
import { stages } from '../../scripts/bench/measure.ts';
import { paths } from '#/lib/site/urls.ts';
import { astroBuild, buildEnv, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const contentDir = path.join(work, 'content');
const target = { name: 'rebuild', contentDir, outDir: path.join(work, 'dist'), siteUrl: 'https://rebuild.example' };
const baseEnv = { ...buildEnv(target), SITE_CACHE_DIR: path.join(work, 'cache') };

interface Build {
  /** What the build says it drew, as { 链接卡片: 1, … }. */
  drawn: Record<string, number>;
  /** Images drawn after the pages rather than beside them (the early list, from the gate's entries, missed them). */
  late: number;
  /** Files Astro took from the last build instead of rendering, as /news/x/index.html. */
  reused: string[];
  output: string;
}

function build(env: NodeJS.ProcessEnv = baseEnv): Build {
  const result = astroBuild(env);
  if (result.status !== 0) throw new Error(result.output);
  const output = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const report = /本次绘制 (\d+) 张(?:（([^）]*)）)?/.exec(output);
  if (!report) throw new Error(`no share-image report in:\n${output}`);
  const drawn = Object.fromEntries(
    (report[2] ?? '')
      .split('，')
      .filter(Boolean)
      .map((part) => [part.split(' ')[0]!, Number(part.split(' ')[1])]),
  );
  expect(Object.values(drawn).reduce((a, b) => a + b, 0)).toBe(Number(report[1]));
  const late = /页面生成后补绘 (\d+) 张/.exec(output);
  if (!late) throw new Error(`no late-drawing count in:\n${output}`);
  return { drawn, late: Number(late[1]), reused: [...output.matchAll(/(\/\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!), output };
}

/** Every published file and its bytes. */
function snapshot(): Map<string, Buffer> {
  return new Map(filesUnder(target.outDir, () => true).map((file) => [path.relative(target.outDir, file), readFileSync(file)]));
}

const htmlPages = () => filesUnder(target.outDir, (name) => name.endsWith('.html'));
const edit = (file: string, from: string, to: string) => {
  const source = readFileSync(path.join(contentDir, file), 'utf8');
  expect(source).toContain(from);
  writeFileSync(path.join(contentDir, file), source.replace(from, to));
};

describe('rebuilds', () => {
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  let first: Build;
  let published: Map<string, Buffer>;

  it('draw every image, beside the pages, and render every page the first time', () => {
    first = build();
    expect(Object.values(first.drawn).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
    expect(first.late).toBe(0);
    expect(first.reused).toEqual([]);
    // The bench reads its stage times from this log: a change of wording must not turn them into zeros.
    const { sync, render, search, checks } = stages(first.output);
    for (const ms of [sync, render, search, checks]) expect(ms).toBeGreaterThan(0);
    published = snapshot();
  }, 60_000);

  it('without the early drawing process, draw every image after the pages, to the same bytes', () => {
    const outDir = path.join(work, 'dist-late');
    const late = build({ ...baseEnv, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: path.join(work, 'cache-late'), SITE_DRAW_AHEAD: '0' });
    const drawn = Object.values(first.drawn).reduce((a, b) => a + b, 0);
    expect(late.late).toBe(drawn);
    expect(late.drawn).toEqual(first.drawn);
    const images = filesUnder(path.join(outDir, 'og'), () => true);
    expect(images.length).toBe([...published.keys()].filter((file) => file.startsWith('og/')).length);
    for (const file of images) expect(readFileSync(file).equals(published.get(path.relative(outDir, file))!), file).toBe(true);
  }, 60_000);

  it('with nothing changed, reuse pages, images, the search index and the checks, and publish the same bytes', () => {
    const again = build();
    expect(again.drawn).toEqual({});
    // Pages from getStaticPaths() are reused; fixed pages (home, search, …) are rendered again.
    expect(again.reused).toEqual(
      expect.arrayContaining([
        '/news/2025-05-10-chengguan-jindu-zhan-lan/index.html',
        '/news/index.html',
        '/letters/shu-jia-xin-2025/index.html',
      ]),
    );
    expect(again.reused).not.toContain('/index.html');
    expect(again.output).toContain('均未变，沿用上次的索引');
    expect(again.output).toContain('（本次检查 0 个，其余未变）');
    const now = snapshot();
    expect([...now.keys()].sort()).toEqual([...published.keys()].sort());
    for (const [file, bytes] of now) expect(bytes.equals(published.get(file)!), file).toBe(true);
  }, 60_000);

  it('after a letter is edited, redraw only its images and show the new title on its page and in the lists', () => {
    edit('letters/shu-jia-xin-2025.md', 'title: 暑假致家长的一封信', 'title: 2025年暑假致家长的一封信');
    const after = build();
    expect(after.drawn).toEqual({ 链接卡片: 1, 家长信长图: 1 });
    expect(after.late).toBe(0);
    expect(after.reused).toEqual([]);
    expect(after.output).toContain('只收录正文区域');
    expect(after.output).not.toContain('（本次检查 0 个');
    const letterPage = readFileSync(path.join(target.outDir, paths.letter('shu-jia-xin-2025'), 'index.html'), 'utf8');
    expect(letterPage).toContain('2025年暑假致家长的一封信');
    expect(readFileSync(path.join(target.outDir, paths.letters(), 'index.html'), 'utf8')).toContain('2025年暑假致家长的一封信');
    expect(readdirSync(path.join(work, 'cache/og')).filter((f) => f.endsWith('.png')).length).toBe(
      Object.values(first.drawn).reduce((a, b) => a + b, 0) + 2,
    );
    // The list the images were written from is build-internal, not published.
    expect(existsSync(path.join(target.outDir, paths.shareImageList()))).toBe(false);
  }, 60_000);

  it('after site.yaml is edited, show the new setting on every page, reused ones included', () => {
    build(); // settle: the next build could reuse every page
    edit('site.yaml', '青ICP备12345678号', '青ICP备87654321号');
    const after = build();
    expect(after.reused).toEqual([]);
    expect(after.drawn).toEqual({});
    for (const file of htmlPages().filter((f) => !f.endsWith('404.html'))) {
      expect(readFileSync(file, 'utf8'), file).toContain('青ICP备87654321号');
    }
  }, 90_000);

  it('on another build day, render every page again (scheduled items and upcoming lectures depend on it)', () => {
    expect(build().reused).not.toEqual([]);
    expect(build({ ...baseEnv, SITE_BUILD_DATE: '2026-11-29' }).reused).toEqual([]);
  }, 90_000);
});
