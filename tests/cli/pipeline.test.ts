/**
 * The CI definitions the office copies to its Git host (issue 20): `.github/workflows/site.yml` (Gitea Actions
 * and GitHub Actions) and `.gitlab-ci.yml`. Neither host runs here, so each file is checked against its
 * published schema by the tools made for that (`@action-validator/cli`, `gitlab-ci-local`), its steps are held
 * to the contract's npm scripts, its schedule to 00:10 Beijing time, and GitLab's jobs are run for real on a
 * scratch copy of the project through the shell executor, as a GitLab Runner on the office's host would.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const WORKFLOW = '.github/workflows/site.yml';
const GITLAB = '.gitlab-ci.yml';
const require = createRequire(import.meta.url);
const ACTION_VALIDATOR = require.resolve('@action-validator/cli/cli.mjs');
const GITLAB_CI_LOCAL = path.join(path.dirname(require.resolve('gitlab-ci-local/package.json')), 'dist/index.js');

/** The npm scripts a job may call: those package.json defines. */
const SCRIPTS = new Set(Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts));

/**
 * The only shell a job may run besides npm: installing (skipped when the cached node_modules is complete), the
 * cache key, and the SSH key file (written privately, with the host key checked, removed afterwards).
 */
const SHELL_STEPS: RegExp[] = [
  /^npm ci --no-audit --no-fund$/,
  /^test -f node_modules\/\.package-lock\.json$/,
  /^echo "hash=\$\(sha256sum package-lock\.json \| cut -c1-64\)" >> "\$GITHUB_OUTPUT"$/,
  /^umask 077$/,
  /^mkdir -p -m 700 \.deploy-ssh$/,
  /^\(?(umask 077 && )?printf '%s\\n' "(\$\w+)+" > "?[\w$./-]+"?\)?$/,
  /^(echo "|export )DEPLOY_SSH="?ssh -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -i \S+ -o UserKnownHostsFile=\S+"( >> "\$GITHUB_ENV")?$/,
  /^rm -r?f "?(\$RUNNER_TEMP\/deploy_key|\.deploy-ssh)"?$/,
];

/** Lines of shell, split at `&&` and `||` outside parentheses, that are neither an allowed step nor a known npm script. */
function strayCommands(lines: string[]): string[] {
  return lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => (line.startsWith('(') ? [line] : line.split(/ && | \|\| /)))
    .filter((command) => {
      const npm = /^(?:DEPLOY_TARGET="\$PREVIEW_DEPLOY_TARGET" )?npm run ([\w:-]+)$/.exec(command);
      if (npm) return !SCRIPTS.has(npm[1]!);
      return !SHELL_STEPS.some((step) => step.test(command));
    });
}

/** Hours and minutes in Beijing time of a `minute hour * * *` cron read in `zone`, on a few days of the year. */
function beijingTimes(cron: string, zone: 'UTC' | 'Asia/Shanghai'): string[] {
  const [minute, hour, ...days] = cron.split(' ');
  expect(days).toEqual(['*', '*', '*']);
  return ['2026-01-15', '2026-07-15', '2026-12-31'].map((day) => {
    const utc = new Date(`${day}T${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}:00${zone === 'UTC' ? 'Z' : '+08:00'}`);
    return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(utc);
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'pipeline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A job's shell lines run by bash in `cwd` with only `env` (and PATH) set: what it prints, and its exit code. */
function bash(script: string, cwd: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** The settings ssh would use with the options of a DEPLOY_SSH command line (`ssh -G`), one `key value` per line. */
function sshSettings(deploySsh: string): string[] {
  const [command, ...options] = deploySsh.split(' ');
  expect(command).toBe('ssh');
  return spawnSync('ssh', ['-G', ...options, 'web.example.gov.cn'], { encoding: 'utf8' }).stdout.split('\n');
}

/**
 * ssh with the job's key file (private, the secret's text and the final newline OpenSSH needs) and known_hosts
 * file, host keys checked, never asking.
 */
function expectCheckedSsh(deploySsh: string, key: string, knownHosts: string) {
  expect(sshSettings(deploySsh)).toEqual(
    expect.arrayContaining(['batchmode yes', 'stricthostkeychecking true', `identityfile ${key}`, `userknownhostsfile ${knownHosts}`]),
  );
  expect(statSync(key).mode & 0o777).toBe(0o600);
  expect(readFileSync(key, 'utf8')).toBe('-----KEY-----\n');
  expect(readFileSync(knownHosts, 'utf8')).toBe('web.example.gov.cn ssh-ed25519 AAAAC3Nza\n');
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}

describe('Gitea Actions and GitHub Actions workflow', () => {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
    on: { push: { branches: string[] }; schedule: { cron: string }[]; pull_request: unknown; workflow_dispatch: unknown };
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const validate = (file: string) => spawnSync(process.execPath, [ACTION_VALIDATOR, file], { encoding: 'utf8' });

  it('is valid against the published workflow schema', () => {
    const result = validate(WORKFLOW);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('a copy with an unknown key fails the same validation', () => {
    const broken = path.join(work, 'broken.yml');
    writeFileSync(broken, readFileSync(WORKFLOW, 'utf8').replace(/^( {4})runs-on:/m, '$1run-on: ubuntu-latest\n$1runs-on:'));
    const result = validate(broken);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain("Additional property 'run-on' is not allowed");
  });

  it('is the only copy: Gitea reads .github/workflows/ only when .gitea/workflows/ does not exist', () => {
    expect(existsSync('.gitea/workflows')).toBe(false);
  });

  it('runs on pushes to main, pull requests, by hand, and daily at 00:10 Beijing time (cron in UTC)', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on.schedule.length).toBe(1);
    expect(beijingTimes(workflow.on.schedule[0]!.cron, 'UTC')).toEqual(['00:10', '00:10', '00:10']);
  });

  it('runs only npm scripts of package.json or the contract, and the allowed shell steps', () => {
    const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs.length).toBeGreaterThan(5);
    expect(strayCommands(runs)).toEqual([]);
  });

  it('writes the SSH key into a private file, and deploy gets an ssh that checks the host key', () => {
    const temp = mkdtempSync(path.join(work, 'runner-'));
    const githubEnv = path.join(temp, 'github-env');
    const step = steps.find((s) => s.name === '部署密钥')!;
    bash(step.run!, temp, {
      RUNNER_TEMP: temp,
      GITHUB_ENV: githubEnv,
      LIVE_KEY: '-----KEY-----',
      PREVIEW_KEY: '',
      KNOWN_HOSTS: 'web.example.gov.cn ssh-ed25519 AAAAC3Nza',
    });
    const deploySsh = /^DEPLOY_SSH=(.+)$/m.exec(readFileSync(githubEnv, 'utf8'))![1]!;
    expectCheckedSsh(deploySsh, path.join(temp, 'deploy_key'), path.join(temp, 'known_hosts'));
  });

  it('posts the report always, and deploys only from main after every earlier step passed', () => {
    const index = (run: string) => steps.findIndex((step) => step.run === run);
    const build = index('npm run build');
    expect(steps[index('npm run post-report')]!.if).toBe('always()');
    const deploys = steps.filter((step) => step.run === 'npm run deploy');
    expect(deploys.map((step) => step.if)).toEqual(["env.PUBLISH == 'true'", "env.PREVIEW == 'true' && vars.PREVIEW_DEPLOY_TARGET != ''"]);
    for (const deploy of deploys) expect(steps.indexOf(deploy)).toBeGreaterThan(build);
    // The preview's target is its own, never the live site's.
    expect(deploys[1]!.env).toEqual({ DEPLOY_TARGET: '${{ vars.PREVIEW_DEPLOY_TARGET }}' });
  });
});

describe('GitLab CI', () => {
  const config = parse(readFileSync(GITLAB, 'utf8'), { merge: true }) as Record<string, Record<string, unknown>>;
  const repo = path.join(work, 'repo');
  const home = path.join(work, 'home');
  const target = path.join(work, 'target');

  /** gitlab-ci-local in the scratch repository, with none of this machine's site or deploy settings. */
  function gitlabCiLocal(args: string[]) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SITE_|DEPLOY_|CI|GITLAB_)/.test(name)));
    const result = spawnSync(
      process.execPath,
      [GITLAB_CI_LOCAL, '--home', home, '--no-color', '--ignore-predefined-vars', 'CI_PIPELINE_SOURCE', ...args],
      { cwd: repo, encoding: 'utf8', env, timeout: 170_000 },
    );
    return { status: result.status, stdout: result.stdout, output: result.stdout + result.stderr };
  }

  function git(...args: string[]) {
    const result = spawnSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.gov.cn', ...args], { cwd: repo, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.trim();
  }

  /** The jobs a pipeline of that source would run (GitLab's `when: never` left out). */
  function jobsFor(...variables: string[]): string[] {
    const { status, stdout, output } = gitlabCiLocal([
      '--list-json',
      '--json-schema-validation=false',
      ...variables.flatMap((v) => ['--variable', v]),
    ]);
    expect(status, output).toBe(0);
    const jobs = JSON.parse(stdout.slice(stdout.indexOf('['))) as { name: string; when: string }[];
    return jobs.filter((job) => job.when !== 'never').map((job) => job.name);
  }

  // A Git repository holding what `npm run build` reads (the other city's small site as its content), on its default branch with a remote named origin
  // (gitlab-ci-local takes the project's name and default branch from it), node_modules linked in.
  beforeAll(() => {
    mkdirSync(repo);
    mkdirSync(home);
    mkdirSync(target);
    for (const entry of ['package.json', 'package-lock.json', '.npmrc', 'astro.config.mjs', 'tsconfig.json', GITLAB, 'src', 'scripts']) {
      cpSync(entry, path.join(repo, entry), { recursive: true });
    }
    cpSync('tests/fixtures/other-city', path.join(repo, 'content'), { recursive: true });
    symlinkSync(path.resolve('node_modules'), path.join(repo, 'node_modules'));
    writeFileSync(path.join(repo, '.gitignore'), 'node_modules\n.gitlab-ci-local/\n');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Site');
    git('remote', 'add', 'origin', 'https://git.example.gov.cn/jinduban/jindu-site.git');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  });

  it('is valid against GitLab CI schema', () => {
    const { status, output } = gitlabCiLocal(['--preview']);
    expect(status, output).toBe(0);
    expect(output).toMatch(/publish:/);
  });

  it('a copy with an unknown key fails the same validation', () => {
    const file = path.join(repo, 'broken-ci.yml');
    writeFileSync(file, readFileSync(GITLAB, 'utf8').replace(/^( {2})resource_group: production/m, '$1resource-group: production'));
    const { status, output } = gitlabCiLocal(['--preview', '--file', 'broken-ci.yml']);
    rmSync(file);
    expect(status).toBe(1);
    expect(output).toContain("'resource-group' property is not expected to be here at publish");
  });

  it('publishes from the default branch on a push, the schedule or by hand; previews merge requests; nothing else', () => {
    expect(jobsFor()).toEqual(['publish']);
    expect(jobsFor('CI_PIPELINE_SOURCE=schedule')).toEqual(['publish']);
    expect(jobsFor('CI_PIPELINE_SOURCE=web')).toEqual(['publish']);
    expect(jobsFor('CI_PIPELINE_SOURCE=merge_request_event')).toEqual(['preview']);
    expect(jobsFor('CI_PIPELINE_SOURCE=merge_request_event', 'PREVIEW_DEPLOY_TARGET=/srv/preview')).toEqual(['preview', 'preview-deploy']);
    git('checkout', '-q', '-b', 'draft');
    try {
      expect(jobsFor()).toEqual([]);
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  it('documents the daily schedule as 00:10 Beijing time, in the file and in the guide', () => {
    expect(readFileSync(GITLAB, 'utf8')).toContain('cron `10 0 * * *` and the time zone Asia/Shanghai');
    const guide = readFileSync('docs/pipeline.md', 'utf8');
    const cron = /--data-urlencode "cron=([^"]+)"/.exec(guide)?.[1];
    expect(/--data-urlencode "cron_timezone=([^"]+)"/.exec(guide)?.[1]).toBe('Asia/Shanghai');
    expect(beijingTimes(cron!, 'Asia/Shanghai')).toEqual(['00:10', '00:10', '00:10']);
  });

  it('runs only npm scripts of package.json or the contract, and the allowed shell steps', () => {
    const lines = Object.values(config).flatMap((job) =>
      ['before_script', 'script', 'after_script'].flatMap((key) => (Array.isArray(job[key]) ? (job[key] as string[]) : [])),
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(strayCommands(lines)).toEqual([]);
  });

  it('writes the SSH key into a private file without changing the umask of the deploy after it', () => {
    const cwd = mkdtempSync(path.join(work, 'job-'));
    const script = config.publish!.script as string[];
    const keyLines = script.slice(script.indexOf('npm run build') + 1, script.indexOf('npm run deploy'));
    const output = bash(['umask', ...keyLines, 'umask', 'echo "$DEPLOY_SSH"'].join('\n'), cwd, {
      DEPLOY_SSH_KEY: '-----KEY-----',
      DEPLOY_KNOWN_HOSTS: 'web.example.gov.cn ssh-ed25519 AAAAC3Nza',
    });
    const [before, after, deploySsh] = output.trim().split('\n');
    expect(after).toBe(before);
    const dir = path.join(cwd, '.deploy-ssh');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expectCheckedSsh(deploySsh!, path.join(dir, 'key'), path.join(dir, 'known_hosts'));
  });

  it('runs a merge request preview with its own SITE_URL, and deploys nothing', () => {
    const base = git('rev-parse', 'HEAD');
    const { status, output } = gitlabCiLocal([
      'preview',
      '--variable',
      'CI_PIPELINE_SOURCE=merge_request_event',
      '--variable',
      'PREVIEW_URL=https://preview.jindu.example/',
      '--variable',
      `CI_MERGE_REQUEST_DIFF_BASE_SHA=${base}`,
    ]);
    expect(status, output).toBe(0);
    expect(output).toContain('preview $ npm run build');
    expect(output).not.toContain('npm run deploy');
    const page = readFileSync(path.join(repo, 'dist/index.html'), 'utf8');
    expect(page).toContain('<link rel="canonical" href="https://preview.jindu.example/"');
    expect(page).not.toContain('jindu.qinghe.example');
    // The job's SITE_REPORT: the build wrote the report, and post-report read it.
    expect(readFileSync(path.join(repo, 'site-report.md'), 'utf8')).toMatch(/^<!-- jindu-report status=passed -->\n/);
    expect(output).toMatch(/Running after script[\s\S]*\$ npm run post-report/);
    expect(output).not.toContain('Missing script');
  }, 180_000);

  it('runs the publish job: the site built, deployed to the target as its live release, and the report posted', () => {
    const { status, output } = gitlabCiLocal(['publish', '--variable', `DEPLOY_TARGET=${target}`]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/publish \$ npm run build[\s\S]*publish \$ npm run deploy/);
    expect(output).toContain('部署完成');
    expect(readFileSync(path.join(target, 'current/index.html'))).toEqual(readFileSync(path.join(repo, 'dist/index.html')));
    expect(readFileSync(path.join(repo, 'site-report.md'), 'utf8')).toMatch(/^<!-- jindu-report status=passed -->\n/);
    expect(existsSync(path.join(repo, '.deploy-ssh'))).toBe(false);
  }, 180_000);

  it('runs the publish job: a content mistake stops the build, nothing is deployed, the report says why and is posted', () => {
    const live = readlinkSync(path.join(target, 'current'));
    const releases = readdirSync(path.join(target, 'releases'));
    const file = path.join(repo, 'content/news/2025-05-10-chengguan-jindu-zhan-lan.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: "2025-05-10"', 'date: "2025-13-45"'));
    git('commit', '-q', '-am', 'A staff mistake');
    const { status, output } = gitlabCiLocal(['publish', '--variable', `DEPLOY_TARGET=${target}`]);
    expect(status, output).toBe(1);
    expect(output).toContain('publish $ npm run build');
    expect(output).toContain('content/news/2025-05-10-chengguan-jindu-zhan-lan.md:3 date 日期不存在：2025-13-45');
    // The script stopped at the build: no key file written, no deploy started, the live release untouched.
    expect(output).not.toContain('.deploy-ssh/key');
    expect(output).not.toContain('$ npm run deploy');
    expect(readlinkSync(path.join(target, 'current'))).toBe(live);
    expect(readdirSync(path.join(target, 'releases'))).toEqual(releases);
    // after_script ran anyway: the key folder removed, then the report posted.
    expect(output).toMatch(/Running after script[\s\S]*\$ rm -rf \.deploy-ssh[\s\S]*\$ npm run post-report/);
    expect(existsSync(path.join(repo, '.deploy-ssh'))).toBe(false);
    const report = readFileSync(path.join(repo, 'site-report.md'), 'utf8');
    expect(report).toMatch(/^<!-- jindu-report status=failed -->\n/);
    expect(report).toContain('2025-05-10-chengguan-jindu-zhan-lan.md');
  }, 180_000);
});
