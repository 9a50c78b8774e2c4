/**
 * The web editor as staff use it, in local mode: /admin/ of the shared county
 * build, Decap's local server on a scratch Git copy of its content (at the same
 * path in the copy as in this repository, as the generated folders say). Every
 * change goes through the editorial workflow: 保存 commits it to a
 * `cms/<type>/<file>` branch, the status menu moves it 草稿 → 审核中 → 就绪, and
 * 发布 merges it into main. A news item made through the form lands there as a
 * file named from its title's pinyin, with the frontmatter the gate wants and
 * its photo beside it; the gate passes and a build shows it; an entry left in
 * 草稿 never reaches main.
 *
 * `EDITOR_SCREENSHOTS=1` also saves the staff guide's pictures of the workflow
 * into docs/editor/ (content/README.md §13).
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_EDITOR_API } from '#/lib/content/editor-config.ts';
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

/** The workflow's branches, one per unpublished entry. */
const workflowBranches = () => git('branch', '--list', 'cms/*', '--format=%(refname:short)').split('\n').filter(Boolean);
/** The status Decap keeps for an unpublished entry, in its branch's description. */
const statusOf = (branch: string) => git('config', `branch.${branch}.description`).trim();
/**
 * Whether a file of the copy is committed on a branch. The test reads branches from Git, not from the
 * checkout: decap-server checks each workflow branch out for a moment whenever the editor reads it.
 */
const committedOn = (branch: string, file: string) =>
  git('ls-tree', '-r', '--name-only', branch).split('\n').includes(path.relative(repo, file));

/** An unpublished change's branch: `cms/<type>/<file name without .md>`. */
const branchOf = (type: string, name: string) => `cms/${type}/${name.replace(/\.md$/, '')}`;
/** A file as committed on main. */
const onMainText = (file: string) => git('show', `main:${path.relative(repo, file)}`);

/**
 * Once every editor page is closed: waits for decap-server to finish what they asked (its requests take
 * turns, so its answer to one more comes last), then the checkout must be main again, with nothing uncommitted.
 */
async function checkoutSettled() {
  const response = await fetch(LOCAL_EDITOR_API, {
    method: 'POST',
    body: '{"action":"info"}',
    headers: { 'content-type': 'application/json' },
  });
  expect(response.ok).toBe(true);
  expect(git('branch', '--show-current').trim()).toBe('main');
  expect(git('status', '--porcelain')).toBe('');
}

const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS ? path.join(ROOT, 'docs/editor') : undefined;
/** With EDITOR_SCREENSHOTS set, saves the page as the guide shows it, without Decap's passing success notices. */
async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  // Notices zoom in from transparent: finish that first.
  await page.screenshot({
    path: path.join(SCREENSHOTS, name),
    animations: 'disabled',
    style: '.Toastify__toast--success { display: none; }',
  });
}

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

/** Picks an option of a select and waits for its menu to close: a menu still closing covers the next field (seen on a loaded machine). */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  const options = page.getByRole('option');
  if ((await options.count()) > 0) await page.keyboard.press('Escape');
  await options.first().waitFor({ state: 'detached' });
}

/** Opens a new news form and fills its required fields (the body is left to the test). */
async function newNews(page: Page, fields: { title: string; date: string; category: string; summary: string }) {
  await page.goto(site.url + paths.admin() + '#/collections/news/new');
  await page.getByLabel('标题', { exact: true }).fill(fields.title);
  await page.locator('input[type=date]').first().fill(fields.date);
  await choose(page, '栏目', fields.category);
  await choose(page, '发布媒体', '本站');
  await page.getByLabel('摘要', { exact: true }).fill(fields.summary);
}

/** A page of the editor that accepts Decap's confirmations (发布 asks 你确定要发布此内容吗？) and records them. */
async function editorPage(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  return { page, dialogs };
}

/**
 * 保存: commits the entry to its workflow branch and checks main out again; resolves with the
 * milliseconds until `file` was committed on the branch.
 */
async function save(page: Page, branch: string, file: string): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => workflowBranches().includes(branch) && committedOn(branch, file), { timeout: 20_000, interval: 20 }).toBe(true);
  const took = Date.now() - started;
  await page.getByText('修改已保存').waitFor();
  return took;
}

/** Moves a saved entry to another column through its status menu (状态: 草稿 ▾). */
async function setStatus(page: Page, status: '草稿' | '审核中' | '就绪') {
  await page.getByRole('button', { name: /^状态/ }).click();
  await page.getByRole('menuitem', { name: status, exact: true }).click();
  await page.getByText(`状态: ${status}`).waitFor();
}

/** Whether a commit is part of main. */
function onMain(commit: string): boolean {
  try {
    git('merge-base', '--is-ancestor', commit, 'main');
    return true;
  } catch {
    return false;
  }
}

/** 发布 → 立即发布 on an entry whose status is 就绪; resolves with the milliseconds until its branch was merged into main. */
async function publish(page: Page, branch: string): Promise<number> {
  const saved = git('rev-parse', branch).trim();
  expect(onMain(saved)).toBe(false);
  await page.getByRole('button', { name: '发布', exact: true }).click();
  const started = Date.now();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  await expect.poll(() => onMain(saved), { timeout: 20_000, interval: 20 }).toBe(true);
  const took = Date.now() - started;
  await page.getByText('内容已发布').waitFor();
  return took;
}

/** A news item left in 草稿: saved on its branch, never published. */
const DRAFT_NAME = '2026-11-22-xiang-zhen-jin-du-zhuan-gan-ye-wu-pei-xun-hui-chou.md';

describe('the web editor in local mode', () => {
  it('keeps an entry left in 草稿 on its own branch, off main', async () => {
    const { page } = await editorPage();
    await openEditor(page);
    await newNews(page, {
      title: '乡镇禁毒专干业务培训会筹备情况',
      date: '2026-11-22',
      category: '工作动态',
      summary: '县禁毒办正在筹备全县乡镇禁毒专干业务培训会，课程和讲师已初步确定。',
    });
    await page.locator('[contenteditable=true]').last().click();
    await page.keyboard.type('培训会的时间和地点待定。');
    const branch = branchOf('news', DRAFT_NAME);
    const file = path.join(content, 'news', DRAFT_NAME);
    await save(page, branch, file);
    await page.getByRole('button', { name: '状态: 草稿' }).waitFor();
    expect(statusOf(branch)).toBe('decap-cms/draft');
    expect(committedOn('main', file)).toBe(false);
    await page.close();
    await checkoutSettled();
    expect(existsSync(file)).toBe(false);
  }, 120_000);

  it('creates a news item through the form and the workflow: named from its pinyin, dates quoted, merged on 发布, and the gate passes', async () => {
    const { page, dialogs } = await editorPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const took = await openEditor(page);
    console.log(`/admin/ to the collection list: ${took} ms`);
    await page.locator('a[href*="/collections/news/entries/"]').first().waitFor();
    await screenshot(page, '1-sections.png');

    await newNews(page, {
      title: '城关社区开展禁毒宣传进家庭活动',
      date: '2026-11-20',
      category: '宣传教育',
      summary: '社区禁毒志愿者走进居民家中，讲解新型毒品的伪装和危害。',
    });
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
    const preview = page.locator('iframe').first().contentFrame();
    await expect.poll(() => preview.locator('article.prose h1').innerText()).toBe('城关社区开展禁毒宣传进家庭活动');
    await expect.poll(() => preview.locator('article.prose h2').innerText()).toBe('下一步');
    const previewCss = await preview.locator('link[rel=stylesheet]').first().getAttribute('href');
    expect(readFileSync(path.join(SITES.otherCity.outDir, previewCss!), 'utf8')).toContain('.prose');
    await page.getByLabel('标题', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, '2-new-news.png');

    // 保存: the entry and its photo are committed on the entry's branch, not on main.
    const name = '2026-11-20-cheng-guan-she-qu-kai-zhan-jin-du-xuan-chuan-jin-jia.md';
    const file = path.join(content, 'news', name);
    const branch = branchOf('news', name);
    const toBranch = await save(page, branch, file);
    console.log(`保存 to the entry committed on ${branch}: ${toBranch} ms`);
    expect(statusOf(branch)).toBe('decap-cms/draft');
    expect(committedOn(branch, path.join(content, 'news/ju-min-jia-zhong.jpg'))).toBe(true);
    expect(committedOn('main', file)).toBe(false);

    // 草稿 → 审核中, through the entry's status menu; the workflow board shows it in its column.
    await page.getByRole('button', { name: /^状态/ }).click();
    await screenshot(page, '4-status.png');
    await page.getByRole('menuitem', { name: '审核中', exact: true }).click();
    await page.getByText('状态: 审核中').waitFor();
    expect(statusOf(branch)).toBe('decap-cms/pending_review');
    await page.goto(site.url + paths.admin() + '#/workflow');
    const column = (heading: string) =>
      page.locator('div:has(> h2)').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
    await column('审查中').getByText('城关社区开展禁毒宣传进家庭活动').waitFor();
    await column('草稿').getByText('乡镇禁毒专干业务培训会筹备情况').waitFor();
    await screenshot(page, '5-workflow.png');

    // 审核中 → 就绪 → 发布: the branch is merged into main and deleted.
    await column('审查中').getByText('城关社区开展禁毒宣传进家庭活动').click();
    await setStatus(page, '就绪');
    expect(statusOf(branch)).toBe('decap-cms/pending_publish');
    const toMain = await publish(page, branch);
    console.log(`发布 to the file on main: ${toMain} ms`);
    expect(dialogs).toEqual(['你确定要发布此内容吗？']);
    expect(workflowBranches()).not.toContain(branch);

    const text = onMainText(file);
    expect(text).toMatch(/^---\ntitle: 城关社区开展禁毒宣传进家庭活动\ndate: "2026-11-20"\ncategory: 宣传教育\noutlets:\n {2}- 本站\n/);
    expect(text).toContain('\ncover:\n  src: ./ju-min-jia-zhong.jpg\n  alt: 志愿者在居民家中讲解禁毒知识\n');
    expect(text).toContain('\n---\n\n志愿者挨家挨户发放宣传资料。\n\n## 下一步\n\n社区将每月走访一次。\n');
    expect(text).not.toMatch(/fileName|: ""|: \[\]/);
    expect(git('log', '--format=%s', '-1', 'main')).toContain(name.replace(/\.md$/, ''));
    expect(errors).toEqual([]);
    await page.close();

    // The checkout, as a build would read it.
    await checkoutSettled();
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readFileSync(path.join(content, 'news/ju-min-jia-zhong.jpg'))).toEqual(readFileSync(photo));
    const { problems } = checkContent(content, loadSettings(content, {}));
    expect(problems.map((p) => `${p.file} ${p.message}`)).toEqual([]);
  }, 120_000);

  it('refuses to save what the gate would refuse, with the gate’s own messages', async () => {
    const { page } = await editorPage();
    await openEditor(page);
    await newNews(page, {
      title: '短标题',
      date: '2026-11-21',
      category: '宣传教育',
      summary: '社区禁毒志愿者走进居民家中，讲解新型毒品的伪装和危害。',
    });
    await page.locator('[contenteditable=true]').last().click();
    // A resident ID number with a valid check digit.
    await page.keyboard.type('联系人身份证号 11010519491231002X。');
    const branches = workflowBranches();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const notice = page.getByText('保存前检查发现问题');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('太短：至少 6 个字，现在 3 个字');
    expect(text).toMatch(/疑似个人信息（身份证号：[^）]*）/);
    expect(text).not.toContain('11010519491231002X');
    await screenshot(page, '3-refused.png');
    // Nothing was committed anywhere.
    expect(workflowBranches()).toEqual(branches);
    await page.close();
    await checkoutSettled();
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
      const { page } = await editorPage();
      await openEditor(page);
      await newNews(page, {
        title: '社区禁毒志愿者入户宣传',
        date: '2026-11-21',
        category: '宣传教育',
        summary: '社区禁毒志愿者走进居民家中，讲解新型毒品的伪装和危害。',
      });
      // The body as Markdown source: rich text would escape the brackets.
      await page.getByText('富文本', { exact: true }).locator('..').getByRole('switch').click();
      await page.locator('[contenteditable=true]').last().click();
      await page.keyboard.type(body);
      const branches = workflowBranches();
      await page.getByRole('button', { name: '保存', exact: true }).click();
      const notice = page.getByText('保存前检查发现问题');
      await notice.waitFor();
      expect(await notice.innerText()).toContain(message);
      // Nothing was committed anywhere.
      expect(workflowBranches()).toEqual(branches);
      await page.close();
      await checkoutSettled();
    },
    120_000,
  );

  it('changes an existing letter only where it was edited, byte for byte, once the change is published', async () => {
    const file = path.join(content, 'letters/shu-jia-xin-2025.md');
    const before = onMainText(file);
    const { page } = await editorPage();
    await openEditor(page);
    await page.goto(site.url + paths.admin() + '#/collections/letters/entries/shu-jia-xin-2025');
    const summary = page.getByLabel('摘要', { exact: true });
    await summary.fill('暑假期间，请家长多陪伴孩子，留意孩子的交友、上网和外出情况。');
    const branch = branchOf('letters', 'shu-jia-xin-2025');
    const toBranch = await save(page, branch, file);
    console.log(`保存 to the letter's change committed on ${branch}: ${toBranch} ms`);
    // Saved for review: main still has the letter as it was.
    expect(onMainText(file)).toBe(before);
    await setStatus(page, '就绪');
    const toMain = await publish(page, branch);
    console.log(`发布 to the letter's change on main: ${toMain} ms`);
    const changed = (text: string) => text.split('\n');
    const after = changed(onMainText(file));
    const differing = changed(before).flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(after.length).toBe(changed(before).length);
    expect(differing).toEqual([
      [
        'summary: 暑假期间，请家长多陪伴孩子，留意孩子的交友和外出情况。',
        'summary: 暑假期间，请家长多陪伴孩子，留意孩子的交友、上网和外出情况。',
      ],
    ]);
    expect(workflowBranches()).not.toContain(branch);
    await page.close();
    await checkoutSettled();
    expect(readFileSync(file, 'utf8')).toBe(onMainText(file));
  }, 120_000);

  it('builds the item the editor published into its page, and not the one left in 草稿', () => {
    // The draft is still only on its branch after the other entries were merged.
    const draft = path.join(content, 'news', DRAFT_NAME);
    expect(workflowBranches()).toEqual([branchOf('news', DRAFT_NAME)]);
    expect(committedOn('main', draft)).toBe(false);
    expect(existsSync(draft)).toBe(false);
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
    expect(existsSync(path.join(outDir, paths.news(DRAFT_NAME.replace(/\.md$/, '')).slice(1)))).toBe(false);
    expect(readdirSync(path.join(outDir, 'admin/decap'))).toContain('decap-cms.js');
  }, 180_000);
});
