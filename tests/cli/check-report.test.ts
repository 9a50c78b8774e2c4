/**
 * `npm run check` with `SITE_REPORT`, as CI runs it in a checkout: the Markdown
 * report for a commit with three staff mistakes, and for a clean commit (what
 * changed since a Git ref, with page addresses, scheduled items and drafts).
 * tests/builds/report.test.ts runs the same commits through `astro build`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'check-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The office's repository: the other-city content, committed. */
const repo = path.join(work, 'repo');
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo });

/** The three mistakes: an impossible date, a town the county does not have, an ID number in the body. */
const THREE_MISTAKES = `---
title: 北山镇开展禁毒宣传进集市活动
date: "2025-06-31"
category: 宣传教育
outlets: [本站]
summary: 北山镇禁毒办在集市设点宣传禁毒知识，向赶集群众发放宣传资料。
town: 北山乡
---

北山镇禁毒办在集市设点宣传禁毒知识。现场登记的群众联系人身份证号 460002198506121235 已存档。
`;

function check(env: NodeJS.ProcessEnv = {}) {
  const report = path.join(work, `report-${Math.random().toString(36).slice(2)}.md`);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts')], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, SITE_CONTENT_DIR: '', SITE_REPORT: report, SITE_BUILD_DATE: '2026-11-28', ...env },
  });
  let markdown = '';
  try {
    markdown = readFileSync(report, 'utf8');
  } catch {
    // Left empty: the test says what it expected.
  }
  return { ...result, markdown };
}

/** Each table row of the rendered report, as the text of its cells (without the report's invisible word joiners). */
function rows(markdown: string): string[][] {
  return parse(markdownToHtml(markdown).html)
    .querySelectorAll('tbody tr')
    .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.replaceAll('\u2060', '')));
}

beforeAll(() => {
  cpSync(path.join(ROOT, 'tests/fixtures/other-city'), path.join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', '初始内容');
});

describe('npm run check with SITE_REPORT', () => {
  it('reports a commit with three staff mistakes: file and line, field, problem and fix, personal data masked', () => {
    writeFileSync(path.join(repo, 'content/news/2025-06-03-beishan-xuanchuan.md'), THREE_MISTAKES);
    git('add', '-A');
    git('commit', '-qm', '新闻：北山镇禁毒宣传进集市');
    const { status, stderr, markdown } = check({ SITE_REPORT_SINCE: 'HEAD~1' });
    expect(status).toBe(1);
    // The console says the same as before: the report is written beside it, not instead of it.
    expect(stderr).toContain('content/news/2025-06-03-beishan-xuanchuan.md:3 date 日期不存在：2025-06-31（请使用真实日期，如 2025-06-30）');
    expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=failed -->');
    expect(markdown).toContain('## ❌ 内容检查没有通过，网站不会生成，已发布的网站不受影响');
    expect(markdown).toContain('共 **3** 处错误需要修改（1 个文件）。');
    const file = 'content/news/2025-06-03-beishan-xuanchuan.md';
    expect(rows(markdown)).toEqual([
      [`${file} 第 3 行`, '发布日期（date）', '日期不存在：2025-06-31', '请使用真实日期，如 2025-06-30'],
      [`${file} 第 7 行`, '乡镇（town）', '只能是以下之一：城关镇、河西乡、北山镇', '示例：城关镇'],
      [
        `${file} 第 10 行`,
        '—',
        '疑似个人信息（身份证号：4600************35）。公开网页不能出现任何人的身份证号、手机号、银行卡号、车牌号，也不能点名涉毒人员',
        '请删除，或改写为“王某”这样的称呼。若确属公开信息（如单位公布的电话、官员的公开职务），请在 privacy-allowlist.yaml 登记并写明理由',
      ],
    ]);
    expect(markdown).not.toContain('460002198506121235');
  });

  it('reports a clean commit: counts by type, what changed since the ref with its page, scheduled items and drafts', () => {
    const base = git('rev-parse', 'HEAD').toString().trim();
    rmSync(path.join(repo, 'content/news/2025-06-03-beishan-xuanchuan.md'));
    const news = path.join(repo, 'content/news/2025-05-10-chengguan-jindu-zhan-lan.md');
    writeFileSync(news, readFileSync(news, 'utf8').replace('title: 城关镇举办禁毒图片展', 'title: 城关镇举办禁毒图片展 | 三天'));
    writeFileSync(
      path.join(repo, 'content/news/2026-12-20-dong-ji.md'),
      THREE_MISTAKES.replace('"2025-06-31"', '"2026-12-20"')
        .replace('北山乡', '北山镇')
        .replace(/身份证号 \d+ /, ''),
    );
    writeFileSync(
      path.join(repo, 'content/news/2025-11-20-cao-gao.md'),
      THREE_MISTAKES.replace('"2025-06-31"', '"2025-11-20"')
        .replace('town: 北山乡', 'draft: true')
        .replace(/身份证号 \d+ /, ''),
    );
    git('add', '-A');
    git('commit', '-qm', '改正并预告');
    const { status, markdown } = check({ SITE_REPORT_SINCE: base, SITE_URL: 'https://jindu.example' });
    expect(status).toBe(0);
    expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=passed -->');
    expect(markdown).toContain('## ✅ 内容检查通过，可以生成网站');
    expect(markdown).toContain('生成后网站将包含 11 项内容：新闻 1，宣讲安排 1，致家长的信 1，教育基地 2，毒品条目 3，求助服务 3。');
    expect(markdown).toContain(`### 本次修改的内容（自 ${base.slice(0, 12)} 以来）`);
    expect(rows(markdown)).toEqual([
      // Changed since the ref, by file.
      ['新闻', '城关镇举办禁毒图片展 | 三天', 'content/news/2025-05-10-chengguan-jindu-zhan-lan.md', '已发布'],
      ['文稿', '2025-06-03-beishan-xuanchuan.md', 'content/news/2025-06-03-beishan-xuanchuan.md', '已删除'],
      ['新闻', '北山镇开展禁毒宣传进集市活动', 'content/news/2025-11-20-cao-gao.md', '草稿（不发布）'],
      ['新闻', '北山镇开展禁毒宣传进集市活动', 'content/news/2026-12-20-dong-ji.md', '定时发布（2026-12-20）'],
      // Scheduled, then drafts.
      ['2026-12-20', '北山镇开展禁毒宣传进集市活动', 'content/news/2026-12-20-dong-ji.md'],
      ['新闻', '北山镇开展禁毒宣传进集市活动', 'content/news/2025-11-20-cao-gao.md'],
    ]);
    const link = parse(markdownToHtml(markdown).html).querySelector('td a')!;
    expect(link.getAttribute('href')).toBe('https://jindu.example/news/2025-05-10-chengguan-jindu-zhan-lan/');
  });

  it('says, instead of failing, when it cannot compare with the ref, and still lists the rest', () => {
    const { status, markdown } = check({ SITE_REPORT_SINCE: 'no-such-ref' });
    expect(status).toBe(0);
    expect(markdown).toContain('无法列出自 no-such-ref 以来修改的文稿：Git 比较失败');
    expect(markdown).toContain('### 定时发布');
    // A branch's first push has no commit before it: counts only.
    expect(check({ SITE_REPORT_SINCE: '0000000000000000000000000000000000000000' }).markdown).not.toContain('本次修改的内容');
  });

  it('keeps its exit code and says so in Chinese when the report cannot be written', () => {
    const folder = path.join(work, 'a-folder');
    mkdirSync(folder);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts')], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, SITE_CONTENT_DIR: '', SITE_REPORT: folder, SITE_BUILD_DATE: '2026-11-28' },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`报告没有写入 ${folder}`);
    expect(result.stdout).toContain('内容检查通过');
  });
});
