/**
 * `npm run bench [-- --sizes 91,1000 | --large | --huge]`: how the build scales.
 *
 * For each size N it writes N synthetic news items (plus proportional lectures,
 * events and topics) into a temporary folder, and measures, against a bare
 * Astro site built from the same items in the same run: a cold build (no
 * caches, every share image drawn) and a warm rebuild with nothing changed
 * (each the median of three, alternating with the bare site's), and a rebuild
 * after editing one item. It also deploys the warm build into a local target
 * folder (`npm run deploy`'s code) and again after the edit, to time a first
 * deploy and a re-deploy. It prints a table and writes JSON.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deploy, type DeployResult } from '#/lib/build/deploy.ts';
import { parseTarget } from '#/lib/build/deploy-target.ts';
import { writeBareSite } from './bench/bare-site.ts';
import { run, stages, type Run } from './bench/measure.ts';
import { writeSyntheticContent } from './bench/synthetic.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '91,1000' },
    large: { type: 'boolean', default: false },
    huge: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(tmpdir(), 'jindu-bench.json') },
  },
});
const sizes = values.sizes.split(',').map(Number);
if (values.large || values.huge) sizes.push(5000);
if (values.huge) sizes.push(10000);

interface Result {
  n: number;
  pages: number;
  cold: Run;
  warm: Run;
  edit: Run;
  bareCold: Run;
  bareWarm: Run;
  deployFirst: DeployResult;
  deployEdit: DeployResult;
}

const RUNS = 3;
/** The median run by time, with the highest memory peaks of all the runs. */
function median(runs: Run[]): Run {
  const middle = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  const highest = runs.reduce((a, b) => (b.peakProcessBytes > a.peakProcessBytes ? b : a));
  return {
    ...middle,
    peakBytes: Math.max(...runs.map((r) => r.peakBytes)),
    peakProcessBytes: highest.peakProcessBytes,
    peakProcess: highest.peakProcess,
  };
}
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const s = (r: Run) => `${r.seconds.toFixed(1)} s`;

async function measure(n: number): Promise<Result> {
  const work = mkdtempSync(path.join(tmpdir(), `jindu-bench-${n}-`));
  const content = path.join(work, 'content');
  const { editable } = writeSyntheticContent(content, n, path.join(ROOT, 'content/site.yaml'));
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    SITE_CONTENT_DIR: content,
    SITE_OUT_DIR: path.join(work, 'dist'),
    SITE_CACHE_DIR: path.join(work, 'cache'),
    SITE_BUILD_DATE: '2026-01-01',
  };
  const build = () => run(process.execPath, [ASTRO, 'build'], { cwd: ROOT, env });
  const bare = path.join(work, 'bare');
  writeBareSite(bare, content, path.join(ROOT, 'node_modules'));
  const bareBuild = () =>
    run(process.execPath, [ASTRO, 'build', '--root', bare], { cwd: bare, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });

  // Side by side, so a busy moment on a shared machine weighs on both: cold builds (every cache removed) first, then warm ones.
  const colds: Run[] = [];
  const bareColds: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const dir of [
      env.SITE_CACHE_DIR!,
      env.SITE_OUT_DIR!,
      path.join(work, '.dist-previous'),
      path.join(bare, '.astro-cache'),
      path.join(bare, 'dist'),
    ]) {
      rmSync(dir, { recursive: true, force: true });
    }
    colds.push(await build());
    bareColds.push(await bareBuild());
  }
  const warms: Run[] = [];
  const bareWarms: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    warms.push(await build());
    bareWarms.push(await bareBuild());
  }
  const deployed = () =>
    deploy({ outDir: env.SITE_OUT_DIR!, target: parseTarget(path.join(work, 'target')), keep: 5, checkout: ROOT, log: () => {} });
  const deployFirst = await deployed();
  writeFileSync(editable, readFileSync(editable, 'utf8').replace(/^title: (.*)$/m, 'title: $1（已修改）'));
  const edit = await build();
  const deployEdit = await deployed();
  const cold = median(colds);
  const pages = Number(/(\d+) page\(s\) built/.exec(cold.output)?.[1] ?? 0);
  rmSync(work, { recursive: true, force: true });
  return { n, pages, cold, warm: median(warms), edit, bareCold: median(bareColds), bareWarm: median(bareWarms), deployFirst, deployEdit };
}

const results: Result[] = [];
for (const n of sizes) {
  process.stderr.write(`measuring ${n} items…\n`);
  results.push(await measure(n));
}

const header = [
  'N',
  'pages',
  'cold (all images)',
  'warm',
  'edit one',
  'bare cold',
  'bare warm',
  'warm ÷ bare',
  'cold ÷ bare',
  'pages/s (warm)',
  'peak memory: largest process (whole tree)',
  'cold stages (s): sync / render / images / search / checks',
  'warm stages (s)',
  'edit-one stages (s)',
  'deploy: first (files sent, size, s)',
  'deploy: after edit one',
];
const deployText = (d: DeployResult) => `${d.filesSent}, ${(d.bytesSent / 1024 / 1024).toFixed(1)} MB, ${d.seconds.toFixed(1)} s`;
const stageText = (r: Run) => {
  const st = stages(r.output);
  return [st.sync, st.render, st.images, st.search, st.checks].map((v) => (v / 1000).toFixed(1)).join(' / ');
};
const rows = results.map((r) => {
  const runs = [r.cold, r.warm, r.edit];
  const largest = runs.reduce((a, b) => (b.peakProcessBytes > a.peakProcessBytes ? b : a));
  return [
    String(r.n),
    String(r.pages),
    s(r.cold),
    s(r.warm),
    s(r.edit),
    s(r.bareCold),
    s(r.bareWarm),
    (r.warm.seconds / r.bareWarm.seconds).toFixed(2),
    (r.cold.seconds / r.bareCold.seconds).toFixed(2),
    String(Math.round(r.pages / r.warm.seconds)),
    `${mb(largest.peakProcessBytes)} ${largest.peakProcess} (${mb(Math.max(...runs.map((x) => x.peakBytes)))})`,
    stageText(r.cold),
    stageText(r.warm),
    stageText(r.edit),
    deployText(r.deployFirst),
    deployText(r.deployEdit),
  ];
});
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
writeFileSync(
  values.out,
  JSON.stringify(
    results.map((r) => ({
      n: r.n,
      pages: r.pages,
      seconds: {
        cold: r.cold.seconds,
        warm: r.warm.seconds,
        edit: r.edit.seconds,
        bareCold: r.bareCold.seconds,
        bareWarm: r.bareWarm.seconds,
      },
      peakBytes: { cold: r.cold.peakBytes, warm: r.warm.peakBytes, edit: r.edit.peakBytes, bareCold: r.bareCold.peakBytes },
      peakProcess: Object.fromEntries(
        Object.entries({ cold: r.cold, warm: r.warm, edit: r.edit }).map(([k, v]) => [
          k,
          { bytes: v.peakProcessBytes, name: v.peakProcess },
        ]),
      ),
      stagesMs: { cold: stages(r.cold.output), warm: stages(r.warm.output), edit: stages(r.edit.output) },
      deploy: Object.fromEntries(
        Object.entries({ first: r.deployFirst, editOne: r.deployEdit }).map(([k, d]) => [
          k,
          { filesSent: d.filesSent, bytesSent: d.bytesSent, seconds: d.seconds },
        ]),
      ),
    })),
    null,
    2,
  ),
);
console.error(`JSON: ${values.out}`);
