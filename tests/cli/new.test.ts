/**
 * `npm run new` as staff run it: a new file for every content type that passes
 * the gate as a draft, dated in the site's zone, with its example text refused
 * until it is replaced.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { NEW_TYPES } from '#/lib/content/new-entry.ts';
import { parseMarkdown } from '#/lib/gate/frontmatter.ts';
import { loadSettings } from '#/lib/site/settings.ts';

const work = mkdtempSync(path.join(tmpdir(), 'new-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function newEntry(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['scripts/new.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SITE_CONTENT_DIR: dir, SITE_BUILD_DATE: '2026-11-28' },
  });
}

describe('npm run new', () => {
  const dir = path.join(work, 'content');
  cpSync(path.resolve('tests/fixtures/other-city'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'campaigns'));
  writeFileSync(
    path.join(dir, 'campaigns/spring.md'),
    '---\nname: 春季宣传月\nstart: "2025-04-01"\nend: "2025-04-30"\norganizer: 县禁毒办\nsummary: 四月在各乡镇开展禁毒宣传活动。\nreported:\n  events: 0\n  leaflets: 0\n  audience: 0\n---\n',
  );

  it.each(NEW_TYPES)('creates a %s file that passes the gate, as a draft, and prints its path and address', (type) => {
    const result = newEntry(dir, type, '城关镇开展禁毒宣传进社区活动');
    expect(result.status, result.stderr).toBe(0);
    const [, file] = /已新建（草稿）：(\S+)/.exec(result.stdout)!;
    expect(result.stdout).toMatch(/发布后的网址：https:\/\/jindu\.qinghe\.example\//);
    const text = readFileSync(path.resolve(file!), 'utf8');
    expect(parseMarkdown(text).data.draft).toBe(true);
    expect(text).toMatch(/（必填）/);
    const { problems } = checkContent(dir, loadSettings(dir, {}));
    expect(problems.map((p) => `${p.file} ${p.message}`)).toEqual([]);
  });

  it('dates news and events with today in the site zone', () => {
    const result = newEntry(dir, 'news', '测试今天日期的新闻');
    expect(result.stdout).toContain('news/2026-11-28-ce-shi-jin-tian-ri-qi-de-xin-wen.md');
  });

  it('refuses to publish a file whose example text was not replaced', () => {
    const result = newEntry(dir, 'news', '忘记修改摘要的新闻');
    const [, file] = /已新建（草稿）：(\S+)/.exec(result.stdout)!;
    writeFileSync(path.resolve(file!), readFileSync(path.resolve(file!), 'utf8').replace(/^draft: true.*$/m, 'draft: false'));
    const { problems } = checkContent(dir, loadSettings(dir, {}));
    expect(problems.map((p) => `${p.field ?? ''} ${p.message}`)).toEqual([
      'summary 这还是新建文件时填的示例内容，请改成这篇文稿的真实内容',
      ' 正文里还留着新建文件时的提示“在这里写正文。先写时间、……”，请换成真正的正文',
    ]);
    rmSync(path.resolve(file!));
  });

  it('says at once when the title itself breaks a rule', () => {
    const result = newEntry(dir, 'news', '短标题');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/title 太短：至少 6 个字，现在 3 个字/);
    const [, file] = /已新建（草稿）：(\S+)/.exec(result.stdout)!;
    rmSync(path.resolve(file!));
  });

  it('explains its usage', () => {
    const result = newEntry(dir, 'posters', '标题');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('类型：news（新闻）');
  });
});
