/**
 * Checks every content file before Astro reads any, so staff get one list of
 * every problem in Chinese instead of the first zod error Astro meets.
 * Errors stop `astro build`. In `astro dev` the same check runs again whenever
 * a content file changes: problems are logged and shown in the browser's error
 * overlay, and the server keeps running.
 */
import type { AstroIntegrationLogger, HookParameters } from 'astro';
import { checkContent } from '#/lib/gate/check-content.ts';
import { ContentProblemsError, formatProblem, programFault, sortProblems } from '#/lib/gate/problem.ts';
import { contentDir, loadSettings } from '#/lib/site/settings.ts';
import type { SiteBuild } from './site-build.ts';

/**
 * Runs the gate over the content folder (links to files served as they are are
 * checked in `publicDir`) and keeps its result in `build`; returns the error to
 * show, if any.
 */
export function runGate(build: SiteBuild, logger: AstroIntegrationLogger, publicDir: string): ContentProblemsError | undefined {
  const started = performance.now();
  let result;
  try {
    result = checkContent(contentDir(), loadSettings(), { publicDir });
  } catch (error) {
    if (error instanceof ContentProblemsError) return error; // site.yaml itself is wrong
    return programFault(error);
  }
  const { problems, entries } = result;
  for (const warning of sortProblems(problems.filter((p) => p.severity === 'warning'))) logger.warn(formatProblem(warning));
  if (problems.some((p) => p.severity === 'error')) return new ContentProblemsError(problems);
  build.check = result;
  logger.info(`${entries.length} 个内容文件检查通过（${Math.round(performance.now() - started)} ms）`);
  return undefined;
}

/** In `astro dev`: the gate again after each change under the content folder, its problems in the log and the browser. */
export function watchContent(
  server: HookParameters<'astro:server:setup'>['server'],
  logger: AstroIntegrationLogger,
  gate: () => ContentProblemsError | undefined,
): void {
  const dir = contentDir();
  let timer: ReturnType<typeof setTimeout> | undefined;
  server.watcher.on('all', (_event, file) => {
    if (!file.startsWith(dir)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const failure = gate();
      if (!failure) return;
      logger.error(failure.message);
      server.hot.send({ type: 'error', err: { message: failure.message, stack: '', plugin: 'jindu:content-gate' } });
    }, 150);
  });
}
