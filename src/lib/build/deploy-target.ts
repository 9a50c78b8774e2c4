/**
 * Where `npm run deploy` puts the site: a folder on this machine or on a
 * server reached by SSH (`DEPLOY_TARGET`). Both run the same POSIX sh scripts
 * (./deploy.ts): locally through `sh -c`, remotely through `DEPLOY_SSH` with
 * every argument shell-quoted, since ssh hands the remote shell one line.
 */
import { spawn } from 'node:child_process';

/** A deploy or rollback that cannot go on; the message (Chinese) is for the technician. */
export class DeployError extends Error {}

export interface Target {
  /** How messages name it: the `DEPLOY_TARGET` value. */
  label: string;
  /** rsync's name for a path under the target folder. */
  rsyncPath(relative: string): string;
  /** rsync options that reach the target (`-e` for SSH). */
  rsyncOptions: string[];
  /** The local command that runs a POSIX sh script on the target with the target folder as `$1` and `args` after it. */
  command(script: string, args: readonly string[]): [string, string[]];
}

export const DEFAULT_SSH = 'ssh -o BatchMode=yes';

/** One shell word for any string: single quotes, with each `'` closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

const REMOTE = /^((?:[A-Za-z0-9._-]+@)?(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])):(\/.*)$/;

/** The target `DEPLOY_TARGET` names: `user@host:/srv/jindu` or an absolute path here. */
export function parseTarget(value: string | undefined, ssh: string = DEFAULT_SSH): Target {
  if (!value) {
    throw new DeployError('没有设置 DEPLOY_TARGET：请设为服务器上的发布目录（如 deploy@web.example.gov.cn:/srv/jindu）或本机的绝对路径。');
  }
  const trimmed = (root: string) => root.replace(/(.)\/+$/, '$1');
  if (value.startsWith('/')) {
    const root = trimmed(value);
    return {
      label: root,
      rsyncPath: (relative) => `${root}/${relative}`,
      rsyncOptions: [],
      command: (script, args) => ['sh', ['-c', script, 'deploy', root, ...args]],
    };
  }
  const remote = REMOTE.exec(value);
  if (!remote || remote[1]!.startsWith('-')) {
    throw new DeployError(
      `DEPLOY_TARGET 的格式不对（${value}）：应为 用户@服务器:/绝对路径（如 deploy@web.example.gov.cn:/srv/jindu）或本机的绝对路径。`,
    );
  }
  const host = remote[1]!;
  const root = trimmed(remote[2]!);
  return {
    label: `${host}:${root}`,
    // deploy.ts has rsync send it inside its protocol (-s), not through the remote shell.
    rsyncPath: (relative) => `${host}:${root}/${relative}`,
    rsyncOptions: ['-e', ssh],
    command: (script, args) => {
      // ssh hands the remote shell one line: every word quoted.
      const line = ['sh', '-c', script, 'deploy', root, ...args].map(shellQuote).join(' ');
      // DEPLOY_SSH is a command line (as rsync's -e takes it), so a local shell splits it.
      return ['sh', ['-c', `${ssh} "$@"`, 'deploy-ssh', host, line]];
    },
  };
}

/** Runs a script on the target; resolves to its output, rejects with its error output. */
export function runOn(target: Target, script: string, args: readonly string[] = []): Promise<string> {
  const [command, argv] = target.command(script, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => reject(new DeployError(`无法运行 ${command}：${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new DeployError(`在 ${target.label} 上执行部署命令失败（${signal ?? `退出码 ${code}`}）：${(stderr || stdout).trim()}`));
    });
  });
}

/**
 * Starts a script that keeps running on the target until released (its input
 * closes, as it does when this process dies or the connection drops); resolves
 * to the first line it prints and the function that releases it.
 */
export function holdOn(target: Target, script: string, args: readonly string[] = []): Promise<{ line: string; release: () => void }> {
  const [command, argv] = target.command(script, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve({ line: stdout.slice(0, end), release: () => child.stdin.end() });
    });
    child.stdin.on('error', () => {}); // the script may have ended already
    child.on('error', (error) => reject(new DeployError(`无法运行 ${command}：${error.message}`)));
    child.on('close', (code, signal) => {
      reject(new DeployError(`在 ${target.label} 上执行部署命令失败（${signal ?? `退出码 ${code}`}）：${(stderr || stdout).trim()}`));
    });
  });
}
