/**
 * `npm run dev` for staff: an edit shows on the next page load, and a content
 * mistake shows the same Chinese message as the build while the server keeps running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { paths } from '#/lib/site/urls.ts';
import { ROOT, SITES, buildEnv } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'dev-'));
const contentDir = path.join(work, 'content');
let dev: ChildProcess;
let output = '';
let base = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function until(test: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}\n${output}`);
}

beforeAll(async () => {
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  const port = await freePort();
  const env = buildEnv({ name: 'dev', contentDir, outDir: path.join(work, 'dist'), siteUrl: 'https://dev.example' });
  // Vitest's own variables (NODE_ENV=test, VITEST…) change how Vite serves pages: run dev as staff would.
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  dev = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: ROOT, env },
  );
  // Colours (CI=true turns them on) would split the messages this test looks for.
  const plain = (d: Buffer) => String(d).replace(/\x1b\[[0-9;]*m/g, '');
  dev.stdout!.on('data', (d: Buffer) => (output += plain(d)));
  dev.stderr!.on('data', (d: Buffer) => (output += plain(d)));
  // Astro may move to another port if this one is taken meanwhile: read the address it prints.
  await until(() => /Local\s+(http:\/\/\S+?)\/?\s/.test(output), 'the dev server address', 60_000);
  base = /Local\s+(http:\/\/\S+?)\/?\s/.exec(output)![1]!.replace('localhost', '127.0.0.1');
  await until(async () => (await fetch(base + '/').catch(() => undefined))?.ok === true, 'the dev server', 60_000);
}, 90_000);

afterAll(() => {
  dev?.kill();
  rmSync(work, { recursive: true, force: true });
});

const newsFile = () => path.join(contentDir, 'news/2025-05-10-chengguan-jindu-zhan-lan.md');
const page = paths.news('2025-05-10-chengguan-jindu-zhan-lan');

it('shows an edit on the next page load', async () => {
  writeFileSync(newsFile(), readFileSync(newsFile(), 'utf8').replace('title: 城关镇举办禁毒图片展', 'title: 城关镇举办禁毒图片巡展'));
  await until(async () => (await (await fetch(base + page)).text()).includes('城关镇举办禁毒图片巡展'), 'the edited title');
}, 40_000);

it('draws a page’s share card on request, as the build would write it', async () => {
  const response = await fetch(base + paths.shareCard(page));
  expect(response.headers.get('content-type')).toBe('image/png');
  const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
  expect([width, height]).toEqual([1200, 630]);
}, 40_000);

it('reports a content mistake with the build’s message and keeps serving', async () => {
  writeFileSync(newsFile(), readFileSync(newsFile(), 'utf8').replace(/date: "2025-05-10"/, 'date: "2025-02-30"'));
  await until(
    () => output.includes('2025-05-10-chengguan-jindu-zhan-lan.md:3 date 日期不存在：2025-02-30（请使用真实日期，如 2025-02-28）'),
    'the gate message',
  );
  expect(output).toContain('内容检查发现 1 处错误');
  expect((await fetch(base + '/')).ok).toBe(true);
}, 40_000);
