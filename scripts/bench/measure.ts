/** Runs a build as a child process and measures wall time and peak memory of its whole process tree. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

interface Memory {
  /** Resident memory of the whole process tree (Astro plus Pagefind and any helper). */
  tree: number;
  /** The largest single process in it. */
  largest: number;
  largestName: string;
}

/** Resident memory (bytes) of `pid` and all its descendants, from /proc. */
function treeMemory(root: number): Memory {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      names.set(Number(name), /Name:\s+(\S+)/.exec(status)?.[1] ?? '?');
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  const memory: Memory = { tree: 0, largest: 0, largestName: '' };
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const bytes = rss.get(pid) ?? 0;
    memory.tree += bytes;
    if (bytes > memory.largest) Object.assign(memory, { largest: bytes, largestName: names.get(pid) });
    stack.push(...(children.get(pid) ?? []));
  }
  return memory;
}

export interface Run {
  seconds: number;
  /** Peak of the whole process tree. */
  peakBytes: number;
  /** Peak of the largest single process, and its name. */
  peakProcessBytes: number;
  peakProcess: string;
  output: string;
}

export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    let largest = { bytes: 0, name: '' };
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setInterval(() => {
      const memory = treeMemory(child.pid!);
      peak = Math.max(peak, memory.tree);
      if (memory.largest > largest.bytes) largest = { bytes: memory.largest, name: memory.largestName };
    }, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${args.join(' ')} failed:\n${output.slice(-3000)}`));
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          peakBytes: peak,
          peakProcessBytes: largest.bytes,
          peakProcess: largest.name,
          output,
        });
    });
  });
}

/** Milliseconds our integrations report, by stage. */
export interface Stages {
  /** Content sync and type generation, as Astro reports it. */
  sync: number;
  checks: number;
  render: number;
  images: number;
  /** Pagefind's wall time; it runs beside the checks after the build, so the two overlap. */
  search: number;
}

export function stages(output: string): Stages {
  const ms = (re: RegExp) => Number(re.exec(output)?.[1] ?? 0);
  const seconds = (re: RegExp) => {
    const m = re.exec(output);
    return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : 0;
  };
  return {
    sync: seconds(/\[types\] Generated ([\d.]+)(ms|s)/),
    checks: ms(/内容文件检查通过（(\d+) ms）/) + ms(/均有正文，无个人信息，图片无[^（]*（(\d+) ms）/),
    render: seconds(/generating static routes[\s\S]*?✓ Completed in ([\d.]+)(ms|s)\./),
    images: ms(/绘制用时 (\d+) ms/),
    search: ms(/搜索索引：[^（\n]*（(\d+) ms[，）]/),
  };
}
