/**
 * `npm run deploy` and `npm run rollback` on small built sites, to a folder
 * here and through ssh (tests/helpers/fake-ssh.sh runs the "remote" commands
 * here, through a shell, as sshd would): releases and the switch, hard links
 * to unchanged files, hashed files carried for one release, releases kept,
 * rollback to the exact bytes, refusals, quoting of hostile paths, a killed
 * upload and two deploys at once. The same against nginx under load, with the
 * real site: tests/browser/deploy.test.ts.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitHead, writeStamp } from '#/lib/build/build-stamp.ts';
import { carriedBy, FAKE_SSH, liveRelease, releasesOf, run, start, treeOf } from '../helpers/deploy.ts';
import { ROOT } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

const PHOTO = randomBytes(200_000);
let sites = 0;

/**
 * A built site of `version`: the home page and its stylesheet (hashed name) and
 * search fragment change with it; the news page, a photo and a share image do not.
 */
function site(version: string, { bulk = 0, stamp = true } = {}): string {
  const dir = path.join(work, `site-${++sites}`, 'dist');
  const files: Record<string, string | Buffer> = {
    'index.html': `<!doctype html><link rel="stylesheet" href="/_astro/site.${version}.css"><p>版本 ${version}</p>`,
    'news/index.html': '<!doctype html><p>新闻</p>',
    [`_astro/site.${version}.css`]: `p { color: #${version.padStart(3, '0')}; }`,
    '_astro/photo.Bx9a1.webp': PHOTO,
    [`pagefind/fragment/zh_${version}.pf_fragment`]: `fragment ${version}`,
    'pagefind/pagefind-entry.json': `{"version":"${version}"}`,
    'og/home/card.png': PHOTO.subarray(0, 5000),
  };
  for (let i = 0; i < bulk; i++) files[`bulk/${Math.floor(i / 1000)}/${i}.txt`] = `${'x'.repeat(2000)}${i}`;
  for (const [file, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), bytes);
  }
  if (stamp) writeStamp(dir, { commit: gitHead(ROOT), day: '2026-11-28', builtAt: new Date().toISOString() });
  return dir;
}

let targets = 0;
const newTarget = (name = 'target') => path.join(work, `${++targets}`, name);
const env = (outDir: string, target: string, more: NodeJS.ProcessEnv = {}) => ({ SITE_OUT_DIR: outDir, DEPLOY_TARGET: target, ...more });

async function deployed(outDir: string, target: string, more: NodeJS.ProcessEnv = {}) {
  const result = await run('deploy', env(outDir, target, more));
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result;
}

/** A release's own files: its folder less what it carries from the one before it. */
const ownTree = (target: string, release: string) => treeOf(path.join(target, 'releases', release), carriedBy(target, release));
const inode = (file: string) => statSync(file).ino;

describe('refusing to deploy', () => {
  it('refuses an output folder that no build passed for (no stamp), and touches nothing', async () => {
    const target = newTarget();
    const result = await run('deploy', env(site('1', { stamp: false }), target));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有生成成功的标记');
    expect(result.stderr).toContain('请先运行 npm run build');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses an output built from another commit', async () => {
    const outDir = site('1');
    writeStamp(outDir, { commit: 'f'.repeat(40), day: '2026-11-28', builtAt: new Date().toISOString() });
    const target = newTarget();
    const result = await run('deploy', env(outDir, target));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`是提交 ffffffffffff 生成的，而当前检出的是 ${gitHead(ROOT)!.slice(0, 12)}`);
    expect(existsSync(target)).toBe(false);
  });

  it.each([
    ['', '没有设置 DEPLOY_TARGET'],
    ['relative/path', 'DEPLOY_TARGET 的格式不对'],
    ['-oProxyCommand=touch:/srv/jindu', 'DEPLOY_TARGET 的格式不对'],
  ])('refuses DEPLOY_TARGET=%j', async (target, message) => {
    const result = await run('deploy', env(site('1'), target));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });
});

describe('releases', () => {
  const target = newTarget();
  const versions = ['1', '2', '3'].map((v) => site(v));
  const ids: string[] = [];

  it('uploads the first release and points current at it with a relative link', async () => {
    const { stdout } = await deployed(versions[0]!, target);
    ids.push(liveRelease(target));
    expect(releasesOf(target)).toEqual(ids);
    expect(readdirSync(path.join(target, 'releases'))).toEqual(ids);
    expect(readlinkSync(path.join(target, 'current'))).toBe(`releases/${ids[0]}`);
    expect(treeOf(path.join(target, 'current'))).toEqual(treeOf(versions[0]!));
    expect(stdout).toContain(`部署完成：releases/${ids[0]}，上传 7 个文件`);
  });

  it('links unchanged files to the live release, sends only the changed ones, and carries the old hashed files', async () => {
    const { stdout } = await deployed(versions[1]!, target);
    ids.push(liveRelease(target));
    const [one, two] = ids.map((id) => path.join(target, 'releases', id!));
    expect(ids[1]! > ids[0]!).toBe(true);
    expect(stdout).toContain('上传 4 个文件');
    for (const same of ['news/index.html', '_astro/photo.Bx9a1.webp', 'og/home/card.png']) {
      expect(inode(path.join(two!, same))).toBe(inode(path.join(one!, same)));
    }
    expect(inode(path.join(two!, 'index.html'))).not.toBe(inode(path.join(one!, 'index.html')));
    // The old stylesheet and search fragment, which the new release lacks, are the old files.
    expect(carriedBy(target, ids[1]!)).toEqual(new Set(['_astro/site.1.css', 'pagefind/fragment/zh_1.pf_fragment']));
    for (const file of carriedBy(target, ids[1]!)) expect(inode(path.join(two!, file))).toBe(inode(path.join(one!, file)));
    expect(ownTree(target, ids[1]!)).toEqual(treeOf(versions[1]!));
  });

  it('carries them for one release only', async () => {
    await deployed(versions[2]!, target);
    ids.push(liveRelease(target));
    expect(carriedBy(target, ids[2]!)).toEqual(new Set(['_astro/site.2.css', 'pagefind/fragment/zh_2.pf_fragment']));
    expect(existsSync(path.join(target, 'current/_astro/site.1.css'))).toBe(false);
    expect(ownTree(target, ids[2]!)).toEqual(treeOf(versions[2]!));
  });

  it('keeps DEPLOY_KEEP releases, and never the live one or the one before it', async () => {
    await deployed(site('4'), target, { DEPLOY_KEEP: '2' });
    ids.push(liveRelease(target));
    expect(releasesOf(target)).toEqual(ids.slice(-2));
    await deployed(site('5'), target, { DEPLOY_KEEP: '1' });
    ids.push(liveRelease(target));
    expect(releasesOf(target)).toEqual(ids.slice(-2));
    // Their lists go with them.
    expect(readdirSync(path.join(target, 'releases')).sort()).toEqual(ids.slice(-2).flatMap((id) => [id, `${id}.carried`]));
  });

  it('refuses a DEPLOY_KEEP that is not a positive whole number', async () => {
    const result = await run('deploy', env(site('6'), target, { DEPLOY_KEEP: '0' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DEPLOY_KEEP 应为正整数');
    expect(releasesOf(target)).toEqual(ids.slice(-2));
  });
});

describe('rollback', () => {
  const target = newTarget();
  const [one, two] = ['7', '8'].map((v) => site(v));
  const ids: string[] = [];

  it('refuses when there is no release before the live one', async () => {
    await deployed(one!, target);
    ids.push(liveRelease(target));
    const result = await run('rollback', { DEPLOY_TARGET: target });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${ids[0]} 之前没有更早的版本：无法回滚`);
    expect(liveRelease(target)).toBe(ids[0]);
  });

  it('goes back to the previous release, with exactly its bytes', async () => {
    await deployed(two!, target);
    ids.push(liveRelease(target));
    const result = await run('rollback', { DEPLOY_TARGET: target });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`已回滚：current → releases/${ids[0]}`);
    expect(liveRelease(target)).toBe(ids[0]);
    expect(ownTree(target, ids[0]!)).toEqual(treeOf(one!));
    // Pages of the release left behind may still ask for its hashed files.
    expect(carriedBy(target, ids[0]!)).toEqual(new Set(['_astro/site.8.css', 'pagefind/fragment/zh_8.pf_fragment']));
    expect([...treeOf(path.join(target, 'current'))].filter(([file]) => !carriedBy(target, ids[0]!).has(file))).toEqual([...treeOf(one!)]);
  });

  it('goes to the release DEPLOY_RELEASE names, and refuses one that does not exist', async () => {
    const missing = await run('rollback', { DEPLOY_TARGET: target, DEPLOY_RELEASE: '20200101T000000.000Z-0000000' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('上没有版本 20200101T000000.000Z-0000000');
    const back = await run('rollback', { DEPLOY_TARGET: target, DEPLOY_RELEASE: ids[1] });
    expect(back.status).toBe(0);
    expect(liveRelease(target)).toBe(ids[1]);
    expect(ownTree(target, ids[1]!)).toEqual(treeOf(two!));
  });

  it('refuses when nothing is deployed', async () => {
    const result = await run('rollback', { DEPLOY_TARGET: newTarget() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有正在使用的版本');
  });
});

describe('through ssh', () => {
  it('deploys and rolls back on a path with spaces, quotes and shell commands in it, running none of them', async () => {
    const base = path.join(work, 'remote');
    const hostile = `${base}/site dir;touch ${base}/pwned1;$(touch ${base}/pwned2);\`touch ${base}/pwned3\`;'"x`;
    const log = path.join(work, 'ssh.log');
    const more = { DEPLOY_SSH: `${FAKE_SSH} -o BatchMode=yes`, FAKE_SSH_LOG: log };
    const target = `deploy@web.example:${hostile}`;
    const [one, two] = ['a', 'b'].map((v) => site(v));
    await deployed(one!, target, more);
    await deployed(two!, target, more);
    expect(treeOf(path.join(hostile, 'current'), carriedBy(hostile, liveRelease(hostile)))).toEqual(treeOf(two!));
    const back = await run('rollback', { DEPLOY_TARGET: target, ...more });
    expect(back.status).toBe(0);
    expect(treeOf(path.join(hostile, 'current'), carriedBy(hostile, liveRelease(hostile)))).toEqual(treeOf(one!));
    expect(readdirSync(base).filter((name) => name.startsWith('pwned'))).toEqual([]);
    expect(existsSync(path.join(ROOT, 'pwned1'))).toBe(false);
    // Every step went through ssh: the lock, the state, rsync's server, the switch.
    const commands = readFileSync(log, 'utf8');
    expect(commands).toContain('rsync --server');
    expect(commands).toContain('flock -n 9');
    expect(commands).toContain('mv -T -- .current-next current');
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The rsync process that `parent` started, once it runs (undefined if `finished()` first). */
async function childRsync(parent: number, finished: () => boolean): Promise<number | undefined> {
  while (!finished()) {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))!;
        if (comm === 'rsync' && Number(rest!.split(' ')[1]) === parent) return Number(pid);
      } catch {
        // Ended meanwhile.
      }
    }
    await sleep(5);
  }
  return undefined;
}

describe('interruptions and concurrency', () => {
  it('leaves the live release untouched when the upload is killed, and the next deploy clears the partial folder', async () => {
    const target = newTarget();
    const live = site('c');
    await deployed(live, target);
    const liveId = liveRelease(target);
    const big = site('d', { bulk: 5000 });
    const deploying = start('deploy', env(big, target));
    let finished = false;
    void deploying.done.then(() => (finished = true));
    const rsync = await childRsync(deploying.child.pid!, () => finished);
    if (!rsync) throw new Error(`the deploy ended before its rsync was seen: ${(await deploying.done).stderr}`);
    // Stopped, it cannot finish: let it run in short steps until it has written part of the release, then kill it.
    const partial = () => readdirSync(path.join(target, 'releases')).find((name) => name.endsWith('.partial'));
    const written = () => (partial() ? readdirSync(path.join(target, 'releases', partial()!), { recursive: true }).length : 0);
    process.kill(rsync, 'SIGSTOP');
    while (written() < 10) {
      process.kill(rsync, 'SIGCONT');
      await sleep(10);
      process.kill(rsync, 'SIGSTOP');
    }
    process.kill(rsync, 'SIGKILL');
    const killed = await deploying.done;
    expect(killed.status).toBe(1);
    expect(killed.stderr).toContain('上传中断（rsync SIGKILL）：线上版本没有改动');
    expect(liveRelease(target)).toBe(liveId);
    expect(treeOf(path.join(target, 'current'))).toEqual(treeOf(live));
    expect(releasesOf(target)).toEqual([liveId]);
    const left = partial()!;
    expect(left).toBeDefined();
    expect(treeOf(path.join(target, 'releases', left)).size).toBeLessThan(treeOf(big).size);

    const next = await deployed(big, target);
    expect(next.stdout).toContain(`清除上次中断的上传：${left}`);
    expect(partial()).toBeUndefined();
    expect(ownTree(target, liveRelease(target))).toEqual(treeOf(big));
  }, 120_000);

  it('refuses while another deploy holds the lock, changing nothing', async () => {
    const target = newTarget();
    const first = site('e');
    await deployed(first, target);
    const holder = spawn('flock', [path.join(target, '.deploy-lock'), 'sh', '-c', 'echo held; exec cat'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    const refused = await run('deploy', env(site('f'), target));
    holder.stdin.end();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('另一次部署或回滚正在进行');
    expect(releasesOf(target)).toHaveLength(1);
    expect(treeOf(path.join(target, 'current'))).toEqual(treeOf(first));
  });

  it('two deploys started together: each either completes or refuses, and the site is one of them, whole', async () => {
    const target = newTarget();
    const [one, two] = ['g', 'h'].map((v) => site(v, { bulk: 2000 }));
    const results = await Promise.all([run('deploy', env(one!, target)), run('deploy', env(two!, target))]);
    expect(results.filter((r) => r.status === 0).length).toBeGreaterThan(0);
    for (const failed of results.filter((r) => r.status !== 0)) expect(failed.stderr).toContain('另一次部署或回滚正在进行');
    expect(readdirSync(path.join(target, 'releases')).filter((name) => name.endsWith('.partial'))).toEqual([]);
    const served = treeOf(path.join(target, 'current'), carriedBy(target, liveRelease(target)));
    expect([treeOf(one!), treeOf(two!)]).toContainEqual(served);
  }, 60_000);
});
