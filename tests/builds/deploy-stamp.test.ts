/**
 * A failed build never deploys: the build removes its output's stamp as it
 * starts, so an output left from an earlier build of the same commit is
 * refused by `npm run deploy` once a build of it has failed.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { gitHead, stampPathFor, writeStamp } from '#/lib/build/build-stamp.ts';
import { run } from '../helpers/deploy.ts';
import { astroBuild, buildEnv, ROOT, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'stamp-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('removes the stamp when the build fails, and deploy then refuses the old output', async () => {
  const contentDir = path.join(work, 'content');
  const outDir = path.join(work, 'dist');
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  // An impossible date: the content gate stops the build.
  writeFileSync(
    path.join(contentDir, 'news/2025-06-01-bad.md'),
    '---\ntitle: 北山镇开展禁毒宣传活动\ndate: "2025-02-30"\ncategory: 宣传教育\noutlets: [本站]\nsummary: 北山镇在集市上设点宣传禁毒知识。\n---\n\n正文\n',
  );
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'index.html'), 'published');
  writeStamp(outDir, { commit: gitHead(ROOT), day: '2026-11-27', builtAt: new Date().toISOString() });
  const env = buildEnv({ name: 'stamp-build', contentDir, outDir, siteUrl: 'https://stamp.example' });
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });

  const build = astroBuild(env);
  expect(build.status).not.toBe(0);
  expect(build.output).toContain('日期不存在');
  expect(existsSync(stampPathFor(outDir))).toBe(false);

  const target = path.join(work, 'target');
  const deploy = await run('deploy', { SITE_OUT_DIR: outDir, DEPLOY_TARGET: target });
  expect(deploy.status).toBe(1);
  expect(deploy.stderr).toContain('没有生成成功的标记');
  expect(existsSync(target)).toBe(false);
});
