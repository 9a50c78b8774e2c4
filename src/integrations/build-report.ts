/**
 * The build's Markdown report (`SITE_REPORT=file.md`, ../lib/build/report.ts), written
 * however the build ends: the gate's or the output checks' problems, a program fault
 * in any step, or the content that passed. Every hook runs inside `watch` (./index.ts),
 * which writes the report when the hook fails and lets the error go on untouched, so
 * the build's own message and exit code stay what they were.
 *
 * What no hook sees is covered too. As a build starts, the report first says it has not
 * finished, so a build killed while rendering leaves no stale report
 * behind; and a process that exits without a final report (Astro failed between the
 * hooks, or the config never loaded because site.yaml is wrong) gets one at its exit.
 */
import { failedReport, passedReport, reportFile, writeReport } from '#/lib/build/report-content.ts';
import type { Report } from '#/lib/build/report.ts';
import { contentDir, loadSettings } from '#/lib/site/settings.ts';
import { contentOf, type SiteBuild } from './site-build.ts';

export interface BuildReporter {
  /** Runs a hook; if it throws or rejects, the report says why and the error goes on as it was. */
  watch<T>(hook: () => T): T;
  /** A build starts (before its gate): until it ends, the report says it has not finished. */
  begin(build: SiteBuild): void;
  /** The build published the site. */
  passed(build: SiteBuild): void;
}

const NOT_FINISHED = '生成没有完成：生成过程出错或被中断，详细原因在 CI 任务的日志里';

/**
 * A reporter for the builds of one integration instance; does nothing unless `SITE_REPORT` names a
 * file. Made before the settings are read (astro.config.mjs), so that a wrong site.yaml is reported.
 */
export function buildReporter(env: NodeJS.ProcessEnv = process.env): BuildReporter {
  const file = reportFile(env);
  if (!file) return { watch: (hook) => hook(), begin: () => {}, passed: () => {} };
  let build: SiteBuild | undefined;
  let configLoaded = false;
  let finished = false;
  const place = () => ({ contentDir: contentDir(env), settings: build?.settings, today: build?.today, env });
  const write = (report: Report) => {
    writeReport(file, report);
    finished = true;
    build = undefined;
  };
  const fail = (error: unknown) =>
    write(
      failedReport(
        'build',
        error,
        place(),
        build?.check?.problems.filter((p) => p.severity === 'warning'),
      ),
    );

  process.on('exit', (code) => {
    if (finished) return;
    if (build) return fail(`${NOT_FINISHED}（退出码 ${code}）`);
    // Astro stopped before any hook ran: the config did not load. A wrong site.yaml is the usual reason, and staff can fix it.
    if (configLoaded || code === 0) return;
    try {
      loadSettings(contentDir(env), env);
      fail(`Astro 的配置没有加载成功（退出码 ${code}），详细原因在 CI 任务的日志里`);
    } catch (error) {
      fail(error);
    }
  });
  return {
    watch(hook) {
      configLoaded = true;
      let result;
      try {
        result = hook();
      } catch (error) {
        fail(error);
        throw error;
      }
      if (result instanceof Promise) result.catch(fail);
      return result;
    },
    begin(started) {
      build = started;
      finished = false;
      writeReport(file, failedReport('build', NOT_FINISHED, place()));
    },
    passed(done) {
      write(passedReport('build', contentOf(done), { contentDir: contentDir(env), settings: done.settings, today: done.today, env }));
    },
  };
}
