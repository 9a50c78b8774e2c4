/**
 * `npm run deploy` and `npm run rollback`: releases on the web server, switched
 * atomically. The target folder holds
 *
 *   releases/<id>/         one uploaded site each (id: UTC time and short commit, so they sort by age)
 *   releases/<id>.carried  the files a release carries from the one before it (see carry below)
 *   current                a relative symlink to the live release; nginx's root is <target>/current
 *   .deploy-lock           flock(1)'d for the whole of a deploy or rollback
 *
 * A deploy uploads into `releases/<id>.partial/` with rsync, hard-linking files
 * unchanged since the live release (`--link-dest`), renames it to
 * `releases/<id>/` only when complete, and replaces `current` by renaming a new
 * symlink over it (rename(2) is atomic; `ln -sfn` would unlink first, leaving a
 * moment with no site). An interrupted upload leaves only the `.partial` folder,
 * which the next deploy deletes.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { readStamp, gitHead } from './build-stamp.ts';
import { DEFAULT_SSH, DeployError, holdOn, parseTarget, runOn, type Target } from './deploy-target.ts';

export { DeployError } from './deploy-target.ts';

/** Releases kept unless `DEPLOY_KEEP` says otherwise. */
export const DEFAULT_KEEP = 5;

/**
 * Folders whose file names change with their content: a page already loaded
 * from the old release may still ask for its files after the switch, so a new
 * release carries those it lacks (as hard links) for one release.
 */
export const HASHED_DIRS = ['_astro', 'pagefind'];

export const RELEASE_ID = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-z]+$/;

/** `20261202T072301.123Z-ac4c8d9`: UTC time to the millisecond, then the short commit. */
export function releaseId(now: Date, commit: string | null): string {
  return `${now.toISOString().replace(/[-:]/g, '')}-${commit ? commit.slice(0, 7) : 'nogit'}`;
}

const LOCK = `set -eu
mkdir -p -- "$1/releases"
exec 9>>"$1/.deploy-lock"
if flock -n 9; then echo locked; else echo busy; exit 0; fi
exec cat >/dev/null`;

const STATE = `set -eu
cd -- "$1"
if [ -L current ]; then printf 'current\\t%s\\n' "$(readlink current)"; elif [ -e current ]; then echo 'not-a-link'; fi
cd releases
for name in *; do
  if [ -d "$name" ]; then printf 'dir\\t%s\\n' "$name"; elif [ -f "$name" ]; then printf 'file\\t%s\\n' "$name"; fi
done`;

/** Hard-links into release $3 the files under the folders named after $4 that release $2 has and $3 lacks, except those $2 itself carried; lists them in $4. */
const CARRY = `set -eu
cd -- "$1/releases"
from=$2; into=$3; list=$4; shift 4
skip=/dev/null
if [ -f "$from.carried" ]; then skip="$from.carried"; fi
for dir; do
  [ -d "$from/$dir" ] || continue
  (cd -- "$from" && find "$dir" -type f) | grep -vxF -f "$skip" | while IFS= read -r file; do
    [ ! -e "$into/$file" ] || continue
    mkdir -p -- "$into/\${file%/*}"
    ln -- "$from/$file" "$into/$file"
    printf '%s\\n' "$file" >>"$list"
    printf '%s\\n' "$file"
  done
done`;

const SWITCH = `set -eu
cd -- "$1"
if [ -d "releases/$2.partial" ]; then mv -T -- "releases/$2.partial" "releases/$2"; fi
rm -f -- .current-next
ln -s -- "releases/$2" .current-next
mv -T -- .current-next current`;

const REMOVE = `set -eu
cd -- "$1/releases"
shift
for name; do rm -rf -- "$name"; done`;

interface TargetState {
  /** The live release's id, if `current` points at one. */
  current: string | null;
  /** Complete releases, oldest first. */
  releases: string[];
  /** Leftovers of an interrupted deploy: `.partial` folders and lists without their release. */
  leftovers: string[];
}

async function readState(target: Target): Promise<TargetState> {
  const lines = (await runOn(target, STATE)).split('\n').filter(Boolean);
  if (lines.includes('not-a-link')) {
    throw new DeployError(`${target.label}/current 不是符号链接：请先把它改名（如 current.old），部署会重新建立它。`);
  }
  const entries = lines.map((line) => line.split('\t') as [string, string]);
  const releases = entries.filter(([kind, name]) => kind === 'dir' && RELEASE_ID.test(name)).map(([, name]) => name);
  releases.sort();
  const link = entries.find(([kind]) => kind === 'current')?.[1];
  const current = link && releases.includes(path.posix.basename(link)) ? path.posix.basename(link) : null;
  const leftovers = entries
    .filter(
      ([kind, name]) =>
        (kind === 'dir' && name.endsWith('.partial') && RELEASE_ID.test(name.slice(0, -'.partial'.length))) ||
        (kind === 'file' && name.endsWith('.carried') && !releases.includes(name.slice(0, -'.carried'.length))),
    )
    .map(([, name]) => name);
  return { current, releases, leftovers };
}

/** Runs `work` holding the target's lock; refuses at once when another deploy or rollback holds it. */
async function locked<T>(target: Target, work: () => Promise<T>): Promise<T> {
  const { line, release } = await holdOn(target, LOCK);
  try {
    if (line !== 'locked') {
      throw new DeployError(`${target.label} 上另一次部署或回滚正在进行（.deploy-lock 被占用）：本次没有做任何改动，请等它结束后再运行。`);
    }
    return await work();
  } finally {
    release();
  }
}

/** Points `current` at `id` (renaming `<id>.partial` first if it is still one). */
const switchTo = (target: Target, id: string) => runOn(target, SWITCH, [id]);

async function carry(target: Target, from: string, into: string, list: string): Promise<number> {
  const out = await runOn(target, CARRY, [from, into, list, ...HASHED_DIRS]);
  return out.split('\n').filter(Boolean).length;
}

export interface UploadFigures {
  /** Files rsync sent (the others were hard-linked from the live release). */
  filesSent: number;
  /** Bytes of the files sent. */
  bytesSent: number;
}

function upload(outDir: string, target: Target, id: string, live: string | null): Promise<UploadFigures> {
  const args = [
    '--recursive',
    '--times',
    '--perms',
    // Readable by the web server whatever the build machine's umask.
    '--chmod=D755,F644',
    // Builds write every file anew: compare contents, not times, so unchanged files are linked.
    '--checksum',
    // A changed file is sent whole: delta transfer against a relative --link-dest basis fails with "failed verification"
    // in Debian's rsync 3.2.7 since its security fixes (RsyncProject/rsync#715, #928); changed files here are small or new.
    '--whole-file',
    '--stats',
    // The destination goes to the remote rsync inside its protocol, never through the remote shell: rsync's own escaping
    // of the command line lets backquotes through (tests/cli/deploy.test.ts). `-s` is --protect-args / --secluded-args.
    '-s',
    ...target.rsyncOptions,
    ...(live ? [`--link-dest=../${live}`] : []),
    `${outDir}/`,
    target.rsyncPath(`releases/${id}.partial/`),
  ];
  return new Promise((resolve, reject) => {
    const rsync = spawn('rsync', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    rsync.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    rsync.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    rsync.on('error', (error) =>
      reject(new DeployError(`无法运行 rsync（${error.message}）：请安装 rsync（Debian：apt-get install rsync）。`)),
    );
    rsync.on('close', (code, signal) => {
      if (code !== 0) {
        reject(
          new DeployError(
            `上传中断（rsync ${signal ?? `退出码 ${code}`}）：线上版本没有改动，未完成的 releases/${id}.partial 会在下次部署时清除。${stderr.trim() ? `\n${stderr.trim()}` : ''}`,
          ),
        );
        return;
      }
      const figure = (label: string) => Number(new RegExp(`^${label}: ([\\d,]+)`, 'm').exec(stdout)?.[1]?.replaceAll(',', '') ?? NaN);
      resolve({ filesSent: figure('Number of regular files transferred'), bytesSent: figure('Total transferred file size') });
    });
  });
}

export interface DeployOptions {
  /** The built site (`SITE_OUT_DIR`, default dist). */
  outDir: string;
  target: Target;
  /** Releases to keep (`DEPLOY_KEEP`); the live one and the one before it are always kept. */
  keep: number;
  /** The Git checkout whose HEAD the build must have built. */
  checkout: string;
  log: (line: string) => void;
  now?: Date;
}

export interface DeployResult extends UploadFigures {
  id: string;
  /** The release that was live before, if any. */
  previous: string | null;
  carried: number;
  removed: string[];
  seconds: number;
}

export async function deploy({ outDir, target, keep, checkout, log, now = new Date() }: DeployOptions): Promise<DeployResult> {
  const started = performance.now();
  const head = gitHead(checkout);
  const stamp = readStamp(outDir, head);
  if (typeof stamp === 'string') throw new DeployError(`没有部署：${stamp}`);
  const id = releaseId(now, head);
  return locked(target, async () => {
    const state = await readState(target);
    const newest = state.releases.at(-1);
    if (newest && newest >= id) {
      throw new DeployError(`新版本号 ${id} 不晚于 ${target.label} 上已有的 ${newest}：请检查本机时钟。没有做任何改动。`);
    }
    if (state.leftovers.length > 0) {
      log(`清除上次中断的上传：${state.leftovers.join('、')}`);
      await runOn(target, REMOVE, state.leftovers);
    }
    log(`上传 ${outDir}（${stamp.day} 生成）到 ${target.label}/releases/${id} …`);
    const figures = await upload(outDir, target, id, state.current);
    const carried = state.current ? await carry(target, state.current, `${id}.partial`, `${id}.carried`) : 0;
    await switchTo(target, id);
    log(`已切换：current → releases/${id}${state.current ? `（上一版 ${state.current}，可用 npm run rollback 回滚）` : ''}`);
    // Never the live release or the one before it (what a rollback returns to).
    const kept = new Set([...state.releases, id].slice(-Math.max(keep, 1)));
    if (state.current) kept.add(state.current);
    const removed = state.releases.filter((release) => !kept.has(release));
    if (removed.length > 0) {
      await runOn(
        target,
        REMOVE,
        removed.flatMap((release) => [release, `${release}.carried`]),
      );
      log(`删除旧版本：${removed.join('、')}`);
    }
    return { id, previous: state.current, carried, removed, ...figures, seconds: (performance.now() - started) / 1000 };
  });
}

export interface RollbackResult {
  from: string;
  to: string;
  carried: number;
}

/** Points `current` back at the release before it (by id), or at `release`. */
export async function rollback(target: Target, release: string | undefined, log: (line: string) => void): Promise<RollbackResult> {
  return locked(target, async () => {
    const { current, releases } = await readState(target);
    if (!current) throw new DeployError(`${target.label} 上没有正在使用的版本（current 不存在）：无法回滚。`);
    let to: string | undefined;
    if (release) {
      if (!releases.includes(release)) {
        throw new DeployError(`${target.label} 上没有版本 ${release}。现有版本：${releases.join('、')}。`);
      }
      to = release;
    } else {
      to = releases.filter((r) => r < current).at(-1);
      if (!to) throw new DeployError(`${current} 之前没有更早的版本：无法回滚（现有版本：${releases.join('、')}）。`);
    }
    if (to === current) throw new DeployError(`${to} 已经是正在使用的版本，没有改动。`);
    // Pages of the release being left may still ask for its hashed files.
    const carried = await carry(target, current, to, `${to}.carried`);
    await switchTo(target, to);
    log(`已回滚：current → releases/${to}（原来是 ${current}）`);
    return { from: current, to, carried };
  });
}

/** The target and the number of releases to keep, from `DEPLOY_TARGET`, `DEPLOY_SSH` and `DEPLOY_KEEP`. */
export function targetFromEnv(env: NodeJS.ProcessEnv): { target: Target; keep: number } {
  const target = parseTarget(env.DEPLOY_TARGET, env.DEPLOY_SSH || DEFAULT_SSH);
  const keep = env.DEPLOY_KEEP ? Number(env.DEPLOY_KEEP) : DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) {
    throw new DeployError(`DEPLOY_KEEP 应为正整数（保留的版本数），现在是 ${env.DEPLOY_KEEP}。`);
  }
  return { target, keep };
}
