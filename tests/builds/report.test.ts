/**
 * `astro build` with `SITE_REPORT`, run from a Git checkout of an office's content
 * as CI runs it: the report is written however the build ends (the gate, a wrong
 * site.yaml that stops the config loading, the output checks, a program fault after the pages), never
 * changes the exit code, and a failed build leaves the published site as it was.
 * docs/report-example.md is the report for the commit with three staff mistakes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { astroBuild, buildEnv, ROOT } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'build-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const repo = path.join(work, 'repo');
const outDir = path.join(work, 'dist');
const report = path.join(work, 'report.md');
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, encoding: 'utf8' }).trim();

const news = (date: string, town: string, body: string, extra = '') =>
  `---\ntitle: 北山镇开展禁毒宣传进集市活动\ndate: "${date}"\ncategory: 宣传教育\noutlets: [本站]\nsummary: 北山镇禁毒办在集市设点宣传禁毒知识，向赶集群众发放宣传资料。\ntown: ${town}\n${extra}---\n\n${body}\n`;

/** The commit with three staff mistakes: an impossible date, a town the county does not have, an ID number in the body. */
const THREE_MISTAKES = news(
  '2025-06-31',
  '北山乡',
  '北山镇禁毒办在集市设点宣传禁毒知识。现场登记的群众联系人身份证号 460002198506121235 已存档。',
);

/**
 * A build of the checkout. One that fails at the gate runs from the checkout, so files read `content/…` as in
 * CI; one that renders runs from the project (Astro writes its prerender chunks under the working directory,
 * where they must find node_modules), and names files relative to it.
 */
function build(env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  rmSync(report, { force: true });
  const result = astroBuild(
    {
      ...buildEnv({ name: 'build-report', contentDir: path.join(repo, 'content'), outDir, siteUrl: 'https://jindu.example' }),
      SITE_REPORT: report,
      ...env,
    },
    cwd,
  );
  return { ...result, markdown: existsSync(report) ? readFileSync(report, 'utf8') : '' };
}

/** A file of the checkout as a build from the project names it. */
const shown = (file: string) => path.relative(ROOT, path.join(repo, file)).split(path.sep).join('/');

function rows(markdown: string): string[][] {
  return parse(markdownToHtml(markdown).html)
    .querySelectorAll('tbody tr')
    .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.replaceAll('\u2060', '')));
}

const published = () =>
  readdirSync(outDir).join(',') === 'index.html' && readFileSync(path.join(outDir, 'index.html'), 'utf8') === 'published';

beforeAll(() => {
  cpSync(path.join(ROOT, 'tests/fixtures/other-city'), path.join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', '初始内容');
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'index.html'), 'published');
  // A clean build: Astro's content cache from an earlier run would point at an older temporary folder.
  rmSync(buildEnv({ name: 'build-report', contentDir: '', outDir: '', siteUrl: '' }).SITE_CACHE_DIR!, { recursive: true, force: true });
});

it('fails at the gate on a commit with three mistakes: report written (the one in docs/), exit code non-zero, site untouched', () => {
  writeFileSync(path.join(repo, 'content/news/2025-06-03-beishan-xuanchuan.md'), THREE_MISTAKES);
  git('add', '-A');
  git('commit', '-qm', '新闻：北山镇禁毒宣传进集市');
  const { status, output, markdown } = build({ SITE_REPORT_SINCE: 'HEAD~1' }, repo);
  expect(status).not.toBe(0);
  expect(output).toContain('内容检查发现 3 处错误，网站没有生成');
  expect(markdown).toBe(readFileSync(path.join(ROOT, 'docs/report-example.md'), 'utf8'));
  expect(rows(markdown).map((r) => r.slice(0, 2))).toEqual([
    ['content/news/2025-06-03-beishan-xuanchuan.md 第 3 行', '发布日期（date）'],
    ['content/news/2025-06-03-beishan-xuanchuan.md 第 7 行', '乡镇（town）'],
    ['content/news/2025-06-03-beishan-xuanchuan.md 第 10 行', '—'],
  ]);
  expect(published()).toBe(true);
});

it('fails on a wrong site.yaml, which stops Astro loading its config: the report still names the field', () => {
  const settings = path.join(repo, 'content/site.yaml');
  const original = readFileSync(settings, 'utf8');
  writeFileSync(settings, original.replace(/^townLabel: .*$/m, 'townLabel: 7'));
  try {
    const { status, output, markdown } = build({}, repo);
    expect(status).not.toBe(0);
    expect(output).toContain('content/site.yaml');
    expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=failed -->');
    expect(rows(markdown)).toContainEqual([
      expect.stringMatching(/^content\/site\.yaml 第 \d+ 行$/),
      '乡镇一级的称呼（townLabel）',
      '类型不对',
      '应为文字，现在是数字；示例：乡镇',
    ]);
    expect(published()).toBe(true);
  } finally {
    writeFileSync(settings, original);
  }
});

it('fails the same way when the report cannot be written: the message and exit code are the build’s own', () => {
  const folder = path.join(work, 'report-is-a-folder');
  mkdirSync(folder, { recursive: true });
  const { status, output } = build({ SITE_REPORT: folder }, repo);
  expect(status).not.toBe(0);
  expect(output).toContain('内容检查发现 3 处错误，网站没有生成');
  expect(output).toContain(`报告没有写入 ${folder}`);
  expect(published()).toBe(true);
});

it('fails at the output checks (a body that renders to nothing): the report lists the page problem', () => {
  const mistake = path.join(repo, 'content/news/2025-06-03-beishan-xuanchuan.md');
  writeFileSync(mistake, news('2025-06-03', '北山镇', '[参考]: /news/'));
  try {
    const { status, markdown } = build();
    expect(status).not.toBe(0);
    expect(markdown).toContain('## ❌ 网站没有生成，已发布的网站不受影响');
    expect(rows(markdown)).toEqual([
      [
        `${shown('content/news/2025-06-03-beishan-xuanchuan.md')} 第 9 行`,
        '—',
        '正文在生成的页面 /news/2025-06-03-beishan-xuanchuan/ 里是空的：Markdown 可能有格式错误',
        '请检查正文',
      ],
    ]);
    expect(published()).toBe(true);
  } finally {
    rmSync(mistake);
  }
});

it('reports a program fault after the pages (the search index fails) for the technician, and publishes nothing', () => {
  const broken = path.join(work, 'broken-pagefind.sh');
  writeFileSync(broken, '#!/bin/sh\necho "pagefind is broken" >&2\nexit 3\n', { mode: 0o755 });
  const { status, markdown } = build({ PAGEFIND_EXTENDED_BINARY_PATH: broken });
  expect(status).not.toBe(0);
  expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=failed -->');
  expect(markdown).toContain('## ❌ 网站没有生成，已发布的网站不受影响');
  expect(markdown).toContain('这不是文稿的问题，是生成程序本身出错了');
  expect(markdown).toMatch(/技术信息：Error: 搜索索引生成失败/);
  expect(markdown).not.toContain('接下来怎么做');
  expect(published()).toBe(true);
});

it('passes: published by type, what changed since the ref with pages that exist, scheduled items and drafts', () => {
  const base = git('rev-parse', 'HEAD');
  const photoShow = path.join(repo, 'content/news/2025-05-10-chengguan-jindu-zhan-lan.md');
  writeFileSync(photoShow, readFileSync(photoShow, 'utf8').replace('title: 城关镇举办禁毒图片展', 'title: 城关镇举办禁毒图片展（三天）'));
  writeFileSync(
    path.join(repo, 'content/news/2026-12-20-dong-ji.md'),
    news('2026-12-20', '北山镇', '北山镇禁毒办将在集市设点宣传禁毒知识。'),
  );
  writeFileSync(path.join(repo, 'content/news/2025-11-20-cao-gao.md'), news('2025-11-20', '北山镇', '还没写完。', 'draft: true\n'));
  git('add', '-A');
  git('commit', '-qm', '改正，并预告冬季活动');
  const { status, output, markdown } = build({ SITE_REPORT_SINCE: base });
  expect(status, output).toBe(0);
  expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=passed -->');
  expect(markdown).toContain('## ✅ 网站生成成功');
  expect(markdown).toContain('网站包含 11 项内容：新闻 1，宣讲安排 1，致家长的信 1，教育基地 2，毒品条目 3，求助服务 3。');
  expect(rows(markdown)).toEqual([
    ['新闻', '城关镇举办禁毒图片展（三天）', shown('content/news/2025-05-10-chengguan-jindu-zhan-lan.md'), '已发布'],
    ['文稿', '2025-06-03-beishan-xuanchuan.md', shown('content/news/2025-06-03-beishan-xuanchuan.md'), '已删除'],
    ['新闻', '北山镇开展禁毒宣传进集市活动', shown('content/news/2025-11-20-cao-gao.md'), '草稿（不发布）'],
    ['新闻', '北山镇开展禁毒宣传进集市活动', shown('content/news/2026-12-20-dong-ji.md'), '定时发布（2026-12-20）'],
    ['2026-12-20', '北山镇开展禁毒宣传进集市活动', shown('content/news/2026-12-20-dong-ji.md')],
    ['新闻', '北山镇开展禁毒宣传进集市活动', shown('content/news/2025-11-20-cao-gao.md')],
  ]);
  // The address the report gives is a page this build published.
  const href = parse(markdownToHtml(markdown).html).querySelector('td a')!.getAttribute('href')!;
  expect(href).toBe('https://jindu.example/news/2025-05-10-chengguan-jindu-zhan-lan/');
  expect(readFileSync(path.join(outDir, new URL(href).pathname, 'index.html'), 'utf8')).toContain('城关镇举办禁毒图片展（三天）');
  expect(existsSync(path.join(outDir, 'news/2026-12-20-dong-ji/index.html'))).toBe(false);
});
