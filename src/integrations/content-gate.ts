/**
 * Checks every content file before Astro reads any, so staff get one list of
 * every problem in Chinese instead of the first zod error Astro meets.
 * Errors stop `astro build`; in `astro dev` they are logged and the server keeps running.
 */
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/gate/check-content.ts';
import { ContentProblemsError, formatProblem, sortProblems } from '../lib/gate/problem.ts';
import { contentDir, loadSettings } from '../lib/settings.ts';

export function contentGate(): AstroIntegration {
  return {
    name: 'jindu:content-gate',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const started = performance.now();
        const { problems, entries } = checkContent(contentDir(), loadSettings());
        const errors = problems.filter((p) => p.severity === 'error');
        for (const warning of sortProblems(problems.filter((p) => p.severity === 'warning'))) {
          logger.warn(formatProblem(warning));
        }
        if (errors.length === 0) {
          logger.info(`${entries.length} 个内容文件检查通过（${Math.round(performance.now() - started)} ms）`);
          return;
        }
        const failure = new ContentProblemsError(problems);
        if (command === 'build') throw failure;
        logger.error(failure.message);
      },
    },
  };
}
