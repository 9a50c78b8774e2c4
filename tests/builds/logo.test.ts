/**
 * The logo through a real build of the other city's site: shown as a PNG file
 * drawn at build time, never the file from content; a logo path that leads out of
 * the content folder stops the build in Chinese and publishes nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { LOGO_SIZE } from '#/lib/site/logo.ts';
import { astroBuild, buildEnv, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'logo-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Set in the build's environment: it must appear in no built file and no message. */
const CANARY = 'LOGO_CANARY_1f6b2c9e';
/** Marks the SVG from content: it must not reach any page. */
const MARK = 'content-logo-7d1e';

function build(name: string, logo: string) {
  const contentDir = path.join(work, name, 'content');
  const outDir = path.join(work, name, 'dist');
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  writeFileSync(
    path.join(contentDir, 'logo.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" id="${MARK}" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#2e6b3a"/></svg>`,
  );
  writeFileSync(path.join(contentDir, 'site.yaml'), `${readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')}logo: ${logo}\n`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), 'published');
  const env: NodeJS.ProcessEnv = { ...buildEnv({ name: `logo-${name}`, contentDir, outDir, siteUrl: 'https://logo.example' }) };
  env[CANARY] = CANARY;
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });
  return { ...astroBuild(env), outDir };
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) yield* files(abs);
    else yield abs;
  }
}

it('shows the logo in the header as a PNG drawn at build time, and publishes nothing of the file or the environment', async () => {
  const { status, output, outDir } = build('good', 'logo.svg');
  expect(status, output).toBe(0);
  const home = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const img = /<a class="site-brand"[^>]*>\s*<img class="site-brand__logo" src="(\/logo-[0-9a-f]+\.png)"/.exec(home);
  expect(img, 'header logo').not.toBeNull();
  const meta = await sharp(path.join(outDir, img![1]!)).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', LOGO_SIZE, LOGO_SIZE]);
  expect(readFileSync(path.join(outDir, '404.html'), 'utf8')).toContain(`src="${img![1]}"`);
  for (const file of files(outDir)) {
    const text = readFileSync(file, 'latin1');
    expect(text, file).not.toContain(MARK);
    expect(text, file).not.toContain(CANARY);
  }
}, 600_000);

it.each(['../../../../proc/self/environ', '/proc/self/environ'])(
  'stops at logo: %s, in Chinese, publishing nothing',
  (logo) => {
    const { status, output, outDir } = build(`environ-${logo.length}`, logo);
    expect(status).not.toBe(0);
    expect(output).toMatch(/site\.yaml:\d+ logo 标志图片 .*proc\/self\/environ 不在内容文件夹里/);
    expect(output).not.toContain(CANARY);
    expect(output).not.toContain('Stack trace');
    expect(output).not.toMatch(/\n\s+at .*\.(?:ts|js|mjs):\d+/);
    expect(readdirSync(outDir)).toEqual(['index.html']);
  },
  600_000,
);
