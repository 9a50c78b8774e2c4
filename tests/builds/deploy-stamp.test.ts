/**
 * A failed build never deploys: the build removes its output's stamp as it
 * starts, so an output left from an earlier build of the same commit is
 * refused by `npm run deploy` once a build of it has failed. The live release
 * stays as it was, and the build's report tells staff what to fix.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { gitHead, stampPathFor, writeStamp } from '#/lib/build/build-stamp.ts';
import { liveRelease, releasesOf, run, treeOf } from '../helpers/deploy.ts';
import { astroBuild, buildEnv, ROOT, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'stamp-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('removes the stamp when the build fails, deploy then refuses the old output, and the live release is untouched', async () => {
  const contentDir = path.join(work, 'content');
  const outDir = path.join(work, 'dist');
  const target = path.join(work, 'target');
  const report = path.join(work, 'report.md');
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  // The live site: an earlier good build of this commit, deployed.
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'index.html'), 'published');
  writeStamp(outDir, { commit: gitHead(ROOT), day: '2026-11-27', builtAt: new Date().toISOString() });
  expect((await run('deploy', { SITE_OUT_DIR: outDir, DEPLOY_TARGET: target })).status).toBe(0);
  const live = liveRelease(target);
  const liveFiles = treeOf(path.join(target, 'current'));
  // An impossible date: the content gate stops the build.
  writeFileSync(
    path.join(contentDir, 'news/2025-06-01-bad.md'),
    '---\ntitle: 北山镇开展禁毒宣传活动\ndate: "2025-02-30"\ncategory: 宣传教育\noutlets: [本站]\nsummary: 北山镇在集市上设点宣传禁毒知识。\n---\n\n正文\n',
  );
  const env = buildEnv({ name: 'stamp-build', contentDir, outDir, siteUrl: 'https://stamp.example' });
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });

  const build = astroBuild({ ...env, SITE_REPORT: report });
  expect(build.status).not.toBe(0);
  expect(build.output).toContain('日期不存在');
  expect(existsSync(stampPathFor(outDir))).toBe(false);
  const text = readFileSync(report, 'utf8');
  expect(text).toMatch(/^<!-- jindu-report status=failed -->/);
  const row = text.split('\n').find((line) => line.includes('2025-06-01-bad'));
  expect(row).toMatch(/第 3 行 \| [^|]*（date） \| 日期不存在：2025-02-30 \| 请使用真实日期/);

  const deploy = await run('deploy', { SITE_OUT_DIR: outDir, DEPLOY_TARGET: target });
  expect(deploy.status).toBe(1);
  expect(deploy.stderr).toContain('没有生成成功的标记');
  expect(releasesOf(target)).toEqual([live]);
  expect(liveRelease(target)).toBe(live);
  expect(treeOf(path.join(target, 'current'))).toEqual(liveFiles);
});
