/**
 * Checks every content file before Astro reads any, so staff get one list of
 * every problem in Chinese instead of the first zod error Astro meets.
 * Errors stop `astro build`. In `astro dev` the same check runs again whenever
 * a content file changes: problems are logged and shown in the browser's error
 * overlay, and the server keeps running.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, type ContentCheck } from '../lib/gate/check-content.ts';
import { ContentProblemsError, formatProblem, programFault, sortProblems } from '../lib/gate/problem.ts';
import { contentDir, loadSettings } from '../lib/settings.ts';

let latest: ContentCheck | undefined;

/** The content as the gate last read it, so the checks after the build need not read it again. */
export function latestContentCheck(): ContentCheck {
  latest ??= checkContent(contentDir(), loadSettings());
  return latest;
}

/** Runs the gate (links to files served as they are are checked in `publicDir`); returns the error to show, if any. */
function runGate(logger: AstroIntegrationLogger, publicDir: string): ContentProblemsError | undefined {
  const started = performance.now();
  let problems;
  let count = 0;
  try {
    const result = checkContent(contentDir(), loadSettings(), { publicDir });
    latest = result;
    problems = result.problems;
    count = result.entries.length;
  } catch (error) {
    if (error instanceof ContentProblemsError) return error; // site.yaml itself is wrong
    return programFault(error);
  }
  for (const warning of sortProblems(problems.filter((p) => p.severity === 'warning'))) logger.warn(formatProblem(warning));
  if (problems.some((p) => p.severity === 'error')) return new ContentProblemsError(problems);
  logger.info(`${count} 个内容文件检查通过（${Math.round(performance.now() - started)} ms）`);
  return undefined;
}

export function contentGate(): AstroIntegration {
  let publicDir = '';
  return {
    name: 'jindu:content-gate',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        publicDir = fileURLToPath(config.publicDir);
        const failure = runGate(logger, publicDir);
        if (!failure) return;
        if (command === 'build') throw failure;
        logger.error(failure.message);
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentDir();
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(dir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const failure = runGate(logger, publicDir);
            if (!failure) return;
            logger.error(failure.message);
            server.hot.send({ type: 'error', err: { message: failure.message, stack: '', plugin: 'jindu:content-gate' } });
          }, 150);
        });
      },
    },
  };
}
