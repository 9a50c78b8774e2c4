/**
 * The site's build steps, as one integration: the order they run in is written
 * here, and what they share lives in one `SiteBuild` per build (./site-build.ts),
 * never in a module. Each step is a plain function in its own file.
 *
 *   astro:config:setup  content gate → render key → share images drawn ahead → staging folder
 *   astro:build:done    search index (left running) → share images → sitemap, robots, _headers
 *                       → the web editor's files → output checks → publish (waits for the search index)
 *
 * Each hook runs inside the build report's `watch` (./build-report.ts), so however a build ends,
 * `SITE_REPORT` gets the report of that ending.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { clearStamp } from '#/lib/build/build-stamp.ts';
import { buildDate } from '#/lib/content/publishing.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { stageOutput, publish, type Staging } from './atomic-publish.ts';
import { runGate, watchContent } from './content-gate.ts';
import { checkOutput } from './output-checks.ts';
import { startIndexing } from './pagefind.ts';
import { defineRenderKey } from './render-cache.ts';
import type { DrawingAhead } from './share-images/draw-ahead.ts';
import { serveShareImages, startDrawing, writeShareImages } from './share-images/index.ts';
import type { SiteBuild } from './site-build.ts';
import { writeSiteFiles } from './site-files.ts';
import { serveEditorFiles, writeEditorFiles } from './editor-files.ts';
import { buildReporter } from './build-report.ts';

export function jinduSite(): AstroIntegration {
  const report = buildReporter();
  // One build at a time per integration instance; each `astro:config:setup` starts a new one.
  let build: SiteBuild | undefined;
  let staging: Staging | undefined;
  let ahead: DrawingAhead | undefined;
  let cacheDir = '';
  let publicDir = '';
  const current = () => {
    if (!build) throw new Error('the build has not started');
    return build;
  };
  return {
    name: 'jindu:site',
    hooks: {
      'astro:config:setup': (options) =>
        report.watch(() => {
          const { command, config, logger, injectRoute } = options;
          // Until this build passes, its output folder is not one to deploy (the stamp comes back with the swap).
          if (command === 'build') clearStamp(fileURLToPath(config.outDir));
          const settings = loadSettings();
          build = { settings, today: buildDate(settings.timeZone), shareImages: new Map(), background: [] };
          if (command === 'build') report.begin(build);
          publicDir = fileURLToPath(config.publicDir);
          const gateLog = logger.fork('jindu:content-gate');
          const failure = runGate(build, gateLog, publicDir);
          if (command === 'dev') serveShareImages(injectRoute);
          if (failure) {
            if (command === 'build') throw failure;
            gateLog.error(failure.message);
            return;
          }
          if (command !== 'build') return;
          defineRenderKey(build, fileURLToPath(config.root), options.updateConfig);
          ahead = startDrawing(build);
          staging = stageOutput(options);
        }),
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        const gateLog = logger.fork('jindu:content-gate');
        watchContent(server, gateLog, () => runGate(current(), gateLog, publicDir));
        serveEditorFiles(server);
      },
      'astro:build:done': (options) =>
        report.watch(async () => {
          const { dir, logger } = options;
          const run = current();
          const out = fileURLToPath(dir);
          startIndexing(run, out, cacheDir, logger.fork('jindu:pagefind'));
          await writeShareImages(run, ahead, out, logger.fork('jindu:share-images'));
          await writeSiteFiles({ ...options, logger: logger.fork('jindu:site-files') }, run.settings);
          await writeEditorFiles(dir);
          await checkOutput(run, out, cacheDir, logger.fork('jindu:output-checks'));
          if (staging) await publish(run, staging, logger.fork('jindu:atomic-publish'));
          report.passed(run);
        }),
    },
  };
}
