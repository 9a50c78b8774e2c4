/**
 * `npm run deploy` and `npm run rollback` as the pipeline runs them (a Node
 * process each, in the project's checkout), and what the tests read back from
 * a target folder.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { RELEASE_ID } from '#/lib/build/deploy.ts';
import { ROOT } from './sites.ts';

/** Runs commands "on the server" here: tests set `DEPLOY_SSH` to it (with options, as a real ssh line has). */
export const FAKE_SSH = path.join(ROOT, 'tests/helpers/fake-ssh.sh');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `scripts/<name>.ts`; `started` is the process, `done` its outcome. */
export function start(name: 'deploy' | 'rollback', env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', `${name}.ts`)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}

export const run = (name: 'deploy' | 'rollback', env: NodeJS.ProcessEnv) => start(name, env).done;

/** Every file under `dir` (relative path → sha256 of its bytes: quick to compare, and a difference names the file). */
export function treeOf(dir: string, except: ReadonlySet<string> = new Set()): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!except.has(relative))
      tree.set(
        relative,
        createHash('sha256')
          .update(readFileSync(path.join(entry.parentPath, entry.name)))
          .digest('hex'),
      );
  }
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The release `current` points at. */
export const liveRelease = (target: string) => path.basename(readlinkSync(path.join(target, 'current')));

/** The release folders, oldest first. */
export const releasesOf = (target: string) =>
  readdirSync(path.join(target, 'releases'))
    .filter((name) => RELEASE_ID.test(name))
    .sort();

/** The files a release carries from the one before it (releases/<id>.carried). */
export function carriedBy(target: string, release: string): Set<string> {
  const list = path.join(target, 'releases', `${release}.carried`);
  return new Set(existsSync(list) ? readFileSync(list, 'utf8').split('\n').filter(Boolean) : []);
}
