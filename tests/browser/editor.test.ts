/**
 * The web editor as staff use it, in local mode: /admin/ of the shared county
 * build, Decap's local server on a scratch Git copy of its content (at the same
 * path in the copy as in this repository, as the generated folders say). A news item made
 * through the form lands as a file named from its title's pinyin, with the
 * frontmatter the gate wants, its photo beside it, committed; the gate passes
 * and a build shows it.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { paths } from '#/lib/site/urls.ts';
import { startEditorServer } from '../../scripts/editor.ts';
import { browseBuiltSite } from '../helpers/browser.ts';
import { astroBuild, buildEnv, ROOT, SITES } from '../helpers/sites.ts';

const site = browseBuiltSite(SITES.otherCity.outDir);
const repo = mkdtempSync(path.join(tmpdir(), 'editor-'));
const content = path.join(repo, path.relative(ROOT, SITES.otherCity.contentDir));
let editor: ChildProcess | undefined;
/** A photo staff upload (outside the copy, as on their own PC). */
const photo = path.join(mkdtempSync(path.join(tmpdir(), 'photo-')), 'ju-min-jia-zhong.jpg');

const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', ...args], { encoding: 'utf8' });

beforeAll(async () => {
  cpSync(SITES.otherCity.contentDir, content, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'content');
  await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7a9a5c' } })
    .jpeg()
    .toFile(photo);
  editor = await startEditorServer(repo);
});

afterAll(() => {
  editor?.kill();
  rmSync(repo, { recursive: true, force: true });
  rmSync(path.dirname(photo), { recursive: true, force: true });
});

/** Opens /admin/, logs in to the local server and waits for the collection list; returns the milliseconds it took. */
async function openEditor(page: Page): Promise<number> {
  const started = Date.now();
  await page.goto(site.url + paths.admin());
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '禁毒新闻' }).first().waitFor();
  return Date.now() - started;
}

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the web editor in local mode', () => {
  it('creates a news item through the form: named from its pinyin, dates quoted, committed, and the gate passes', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const took = await openEditor(page);
    console.log(`/admin/ to the collection list: ${took} ms`);

    await page.goto(site.url + paths.admin() + '#/collections/news/new');
    await page.getByLabel('标题', { exact: true }).fill('城关社区开展禁毒宣传进家庭活动');
    await page.locator('input[type=date]').first().fill('2026-11-20');
    await choose(page, '栏目', '宣传教育');
    await choose(page, '发布媒体', '本站');
    await page.getByLabel('摘要', { exact: true }).fill('社区禁毒志愿者走进居民家中，讲解新型毒品的伪装和危害。');
    // A cover photo, uploaded through the media library: it lands beside the entry.
    await page.getByRole('button', { name: '选择图片' }).click();
    await page.locator('input[type=file]').setInputFiles(photo);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.getByLabel('图片说明').fill('志愿者在居民家中讲解禁毒知识');
    // The body, with a heading, typed as Markdown.
    await page.locator('button[role=switch][class*=ToolbarToggle]').click();
    await page.locator('[contenteditable=true]').last().click();
    await page.keyboard.type('志愿者挨家挨户发放宣传资料。');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## 下一步');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('社区将每月走访一次。');
    // The preview shows the entry as the site's article, in the site's stylesheet.
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('article.prose h1').innerText()).toBe('城关社区开展禁毒宣传进家庭活动');
    await expect.poll(() => preview.locator('article.prose h2').innerText()).toBe('下一步');
    const previewCss = await preview.locator('link[rel=stylesheet]').first().getAttribute('href');
    expect(readFileSync(path.join(SITES.otherCity.outDir, previewCss!), 'utf8')).toContain('.prose');
    await page.getByRole('button', { name: '发布' }).first().click();
    await page.getByText('立即发布').click();

    const name = '2026-11-20-cheng-guan-she-qu-kai-zhan-jin-du-xuan-chuan-jin-jia.md';
    const file = path.join(content, 'news', name);
    await expect.poll(() => existsSync(file), { timeout: 20_000 }).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: 城关社区开展禁毒宣传进家庭活动\ndate: "2026-11-20"\ncategory: 宣传教育\noutlets:\n {2}- 本站\n/);
    expect(text).toContain('\ncover:\n  src: ./ju-min-jia-zhong.jpg\n  alt: 志愿者在居民家中讲解禁毒知识\n');
    expect(text).toContain('\n---\n\n志愿者挨家挨户发放宣传资料。\n\n## 下一步\n\n社区将每月走访一次。\n');
    expect(readFileSync(path.join(content, 'news/ju-min-jia-zhong.jpg'))).toEqual(readFileSync(photo));
    expect(text).not.toMatch(/fileName|: ""|: \[\]/);
    await expect.poll(() => git('log', '--format=%s', '-1')).toContain(name.replace(/\.md$/, ''));
    expect(git('status', '--porcelain')).toBe('');

    const { problems } = checkContent(content, loadSettings(content, {}));
    expect(problems.map((p) => `${p.file} ${p.message}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('refuses to save what the gate would refuse, with the gate’s own messages', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openEditor(page);
    await page.goto(site.url + paths.admin() + '#/collections/news/new');
    await page.getByLabel('标题', { exact: true }).fill('短标题');
    await page.locator('input[type=date]').first().fill('2026-11-21');
    await choose(page, '栏目', '宣传教育');
    await choose(page, '发布媒体', '本站');
    await page.getByLabel('摘要', { exact: true }).fill('社区禁毒志愿者走进居民家中，讲解新型毒品的伪装和危害。');
    await page.locator('[contenteditable=true]').last().click();
    // A resident ID number with a valid check digit.
    await page.keyboard.type('联系人身份证号 11010519491231002X。');
    const before = readdirSync(path.join(content, 'news')).length;
    await page.getByRole('button', { name: '发布' }).first().click();
    await page.getByText('立即发布').click();
    const notice = page.getByText('保存前检查发现问题');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('太短：至少 6 个字，现在 3 个字');
    expect(text).toMatch(/疑似个人信息（身份证号：[^）]*）/);
    expect(text).not.toContain('11010519491231002X');
    expect(readdirSync(path.join(content, 'news')).length).toBe(before);
    await page.close();
  }, 120_000);

  it.each([
    ['raw HTML', '<script>alert(1)</script>', '正文第 1 行：正文里不能写 HTML 代码：<script>alert(1)</script>'],
    ['a javascript: link', '[点这里](javascript:alert(1))', '正文第 1 行：链接地址不安全：javascript:alert(1)'],
    [
      'a javascript: link spelled with entities',
      '[点这里](Java&#x53;cript&colon;alert(1))',
      '正文第 1 行：链接地址不安全：JavaScript:alert(1)',
    ],
  ])(
    'refuses a body with %s, with the Markdown policy’s message',
    async (_, body, message) => {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await openEditor(page);
      await page.goto(site.url + paths.admin() + '#/collections/news/new');
      await page.getByLabel('标题', { exact: true }).fill('社区禁毒志愿者入户宣传');
      await page.locator('input[type=date]').first().fill('2026-11-21');
      await choose(page, '栏目', '宣传教育');
      await choose(page, '发布媒体', '本站');
      await page.getByLabel('摘要', { exact: true }).fill('社区禁毒志愿者走进居民家中，讲解新型毒品的伪装和危害。');
      // The body as Markdown source: rich text would escape the brackets.
      await page.getByText('富文本', { exact: true }).locator('..').getByRole('switch').click();
      await page.locator('[contenteditable=true]').last().click();
      await page.keyboard.type(body);
      const before = readdirSync(path.join(content, 'news')).length;
      await page.getByRole('button', { name: '发布' }).first().click();
      await page.getByText('立即发布').click();
      const notice = page.getByText('保存前检查发现问题');
      await notice.waitFor();
      expect(await notice.innerText()).toContain(message);
      expect(readdirSync(path.join(content, 'news')).length).toBe(before);
      await page.close();
    },
    120_000,
  );

  it('changes an existing letter only where it was edited, byte for byte', async () => {
    const file = path.join(content, 'letters/shu-jia-xin-2025.md');
    const before = readFileSync(file, 'utf8');
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openEditor(page);
    await page.goto(site.url + paths.admin() + '#/collections/letters/entries/shu-jia-xin-2025');
    const summary = page.getByLabel('摘要', { exact: true });
    await summary.fill('暑假期间，请家长多陪伴孩子，留意孩子的交友、上网和外出情况。');
    await page.getByRole('button', { name: '发布' }).first().click();
    await page.getByText('立即发布').click();
    await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 20_000 }).not.toBe(before);
    const changed = (text: string) => text.split('\n');
    const after = changed(readFileSync(file, 'utf8'));
    const differing = changed(before).flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(after.length).toBe(changed(before).length);
    expect(differing).toEqual([
      [
        'summary: 暑假期间，请家长多陪伴孩子，留意孩子的交友和外出情况。',
        'summary: 暑假期间，请家长多陪伴孩子，留意孩子的交友、上网和外出情况。',
      ],
    ]);
    await page.close();
  }, 120_000);

  it('builds the item the editor wrote into its page', () => {
    const outDir = path.join(repo, 'dist');
    // Its own cache: the copy lives in a new temporary folder each run.
    const result = astroBuild({
      ...buildEnv({ name: 'editor', contentDir: content, outDir, siteUrl: SITES.otherCity.siteUrl }),
      SITE_CACHE_DIR: path.join(repo, 'cache'),
    });
    expect(result.status, result.output).toBe(0);
    const page = path.join(outDir, paths.news('2026-11-20-cheng-guan-she-qu-kai-zhan-jin-du-xuan-chuan-jin-jia').slice(1), 'index.html');
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('城关社区开展禁毒宣传进家庭活动');
    expect(html).toMatch(/<h2[^>]*>下一步<\/h2>/);
    expect(html).toMatch(/<img[^>]+alt="志愿者在居民家中讲解禁毒知识"/);
    expect(readdirSync(path.join(outDir, 'admin/decap'))).toContain('decap-cms.js');
  }, 180_000);
});
