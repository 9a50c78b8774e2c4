/**
 * After the build, before publishing: every page has content, no page text
 * carries personal data, no image carries EXIF. Any problem fails the build,
 * so the site online stays as it was.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { yearOf } from '../lib/dates.ts';
import { ContentProblemsError } from '../lib/gate/problem.ts';
import { emptyBodyProblems, exifProblems, filesUnder, pagePath, pageProblems } from '../lib/output-checks.ts';
import { loadAllowlist } from '../lib/privacy/guard.ts';
import { latestContentCheck } from './content-gate.ts';
import { buildDate } from '../lib/publishing.ts';
import { contentDir, loadSettings } from '../lib/settings.ts';

export function outputChecks(): AstroIntegration {
  return {
    name: 'jindu:output-checks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const settings = loadSettings();
        const options = { allow: loadAllowlist(contentDir()).allow, latestYear: yearOf(buildDate(settings.timeZone)) };
        const pages = filesUnder(out, (name) => name.endsWith('.html'));
        const problems = pages.flatMap((file) => pageProblems(readFileSync(file, 'utf8'), pagePath(out, file), options));
        const { entries } = latestContentCheck();
        problems.push(...emptyBodyProblems(entries, out, new Set(pages.map((f) => pagePath(out, f)))));
        problems.push(...(await exifProblems(out)));
        if (problems.length > 0) throw new ContentProblemsError(problems);
        logger.info(`${pages.length} 个页面检查通过：均有正文，无个人信息，图片无 EXIF（${Math.round(performance.now() - started)} ms）`);
      },
    },
  };
}
