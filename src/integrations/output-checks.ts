/**
 * After the build, before publishing: every page has content, no page text
 * carries personal data, no image carries EXIF, XMP or IPTC, no SVG can run
 * script. Any problem fails the build, so the site online stays as it was.
 * A page or image that passed in the last build, byte for byte under the
 * same rules and code, is not checked again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { digest, PassedKeys, sourceDigest } from '#/lib/build/build-cache.ts';
import { yearOf } from '#/lib/core/dates.ts';
import { ContentProblemsError, type Problem } from '#/lib/gate/problem.ts';
import { entriesByPage, pageProblems } from '#/lib/build/output-checks.ts';
import { imageMetadataProblems } from '#/lib/build/output-images.ts';
import { loadAllowlist } from '#/lib/gate/allowlist.ts';
import { contentDir } from '#/lib/site/settings.ts';
import { contentOf, pagesOf, type SiteBuild } from './site-build.ts';

/** The code the checks run: a change to any of it checks everything again. */
const CHECK_CODE = ['../lib/build/output-checks.ts', '../lib/build/output-images.ts', '../lib/gate/image-bytes.ts', '../lib/privacy/'].map(
  (p) => fileURLToPath(new URL(p, import.meta.url)),
);

/** Checks the built output; throws a `ContentProblemsError` listing every problem. */
export async function checkOutput(build: SiteBuild, out: string, cacheDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const options = { allow: loadAllowlist(contentDir()).allow, latestYear: yearOf(build.today) };
  const rules = digest(sourceDigest(CHECK_CODE), JSON.stringify(options));
  const passed = new PassedKeys(path.join(cacheDir, 'output-checks', 'passed.json'));
  const entries = entriesByPage(contentOf(build).entries);
  const pages = pagesOf(build, out);
  let checked = 0;
  const problems: Problem[] = [];
  for (const [i, { file, page, digest: bytes }] of pages.entries()) {
    // Let the search index, being written beside the checks, be answered between pages.
    if (i % 16 === 15) await new Promise(setImmediate);
    const entry = entries.get(page);
    // The body check depends on the entry having a body, so that is part of the key.
    if (passed.passedBefore(digest(rules, 'page', bytes, entry?.body.trim() ? 'body' : ''))) continue;
    checked++;
    problems.push(...pageProblems(readFileSync(file, 'utf8'), page, options, entry));
  }
  // A share image is named by its cache key, which already stands for its bytes: no need to read it.
  const imageKey = (file: string) => {
    const key = build.shareImages.get(file);
    return key ? digest(rules, 'share-image', key) : digest(rules, 'bytes', readFileSync(file));
  };
  problems.push(...(await imageMetadataProblems(out, (file) => passed.passedBefore(imageKey(file)))));
  if (problems.length > 0) throw new ContentProblemsError(problems);
  passed.save();
  const took = Math.round(performance.now() - started);
  logger.info(
    `${pages.length} 个页面检查通过（本次检查 ${checked} 个，其余未变）：均有正文，无个人信息，图片无 EXIF、XMP、IPTC（${took} ms）`,
  );
}
