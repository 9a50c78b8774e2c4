/**
 * `npm run tally` as staff run it: on the real records (the report's 113 /
 * 13,569 / 5.3万), on a campaign whose records disagree with what was
 * reported, and importing a spreadsheet.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { parseCsv } from '#/lib/tally/event-import.ts';
import { loadSettings } from '#/lib/site/settings.ts';

const work = mkdtempSync(path.join(tmpdir(), 'tally-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tally(args: string[], contentDir = path.resolve('content')) {
  const result = spawnSync(process.execPath, ['scripts/tally.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SITE_CONTENT_DIR: contentDir },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('on the real records', () => {
  it('--check agrees with the report: 113 events, 13,569 leaflets, about 5.3万 people', () => {
    const { status, stdout, stderr } = tally(['--check']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/活动场次\s+113\s+113/);
    expect(stdout).toMatch(/发放资料（份）\s+13569\s+13569/);
    expect(stdout).toMatch(/受教育人次（约）\s+5\.3万\s+5\.3万/);
    expect(stdout).toContain('春季禁毒流动课堂共开展活动113场，发放宣传资料13569份，受教育群众约5.3万人次。');
    expect(stdout).toContain('核对一致');
  });

  it('gives JSON and CSV breakdowns that add up to the totals', () => {
    const [report] = JSON.parse(tally(['--format', 'json', '--by', 'town', '--by', 'month']).stdout);
    expect(report.computed).toMatchObject({ events: 113, leaflets: 13569 });
    expect(report.breakdowns.town).toHaveLength(13);
    for (const by of ['town', 'month']) {
      expect(report.breakdowns[by].reduce((s: number, r: { audience: number }) => s + r.audience, 0)).toBe(report.computed.audience);
    }
    const csv = parseCsv(tally(['--format', 'csv', '--by', 'format']).stdout.replace(/^\ufeff/, ''));
    expect(csv[1]).toEqual(['春季禁毒流动课堂', '合计', '', '113', '13569', String(report.computed.audience)]);
  });

  it('explains a wrong option', () => {
    expect(tally(['--campaign', 'nope']).status).toBe(2);
    expect(tally(['--by', 'colour']).stderr).toContain('--by 只能是 town、month、format、organizer');
  });
});

/** A small site: the other-city fixture plus one campaign and some events. */
function fixtureSite(name: string, events: Record<string, string>) {
  const dir = path.join(work, name);
  cpSync(path.resolve('tests/fixtures/other-city'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'campaigns'));
  mkdirSync(path.join(dir, 'events'));
  writeFileSync(
    path.join(dir, 'campaigns/spring.md'),
    '---\nname: 春季宣传月\nstart: "2025-04-01"\nend: "2025-04-30"\norganizer: 县禁毒办\nsummary: 四月在各乡镇开展禁毒宣传活动。\nreported:\n  events: 3\n  leaflets: 300\n  audience: 1000\n---\n',
  );
  for (const [file, body] of Object.entries(events)) writeFileSync(path.join(dir, 'events', file), body);
  return dir;
}

const record = (date: string, venue: string, leaflets: number, audience: number) =>
  `---\ncampaign: spring\ndate: "${date}"\ntown: 城关镇\norganizer: 城关镇禁毒办\nvenue: ${venue}\nformat: 讲座\nleaflets: ${leaflets}\naudience: ${audience}\n---\n`;

describe('records that disagree with the report', () => {
  it('prints each difference, the records behind it, and exits 1', () => {
    const dir = fixtureSite('mismatch', {
      'a.md': record('2025-04-02', '文化站', 100, 300),
      'b.md': record('2025-04-02', '文化站', 100, 300),
      'c.md': record('2025-05-03', '广场', 50, 200),
      'd.md': record('2025-04-04', '集市', 10, 10).replace('town: 城关镇', 'town: 火星镇').replace('leaflets: 10', 'leaflets: "10"'),
    });
    const { status, stdout, stderr } = tally(['--check'], dir);
    expect(status).toBe(1);
    expect(stdout).toContain('核对不一致：春季宣传月');
    expect(stdout).toContain('发放资料份数：上报 300，记录汇总 250，相差 -50');
    expect(stdout).toContain('受教育人次：上报 1000（约1000），记录汇总 800（约800），相差 -200');
    expect(stdout).toMatch(/可能的原因（见上面的问题）：.*events\/b\.md.*events\/c\.md/);
    expect(stderr).toMatch(/events\/b\.md 与 .*events\/a\.md 重复/);
    expect(stderr).toMatch(/events\/c\.md:3 date 日期 2025-05-03 不在“春季宣传月”的活动期间/);
    expect(stderr).toMatch(/events\/d\.md:4 town 只能是以下之一：城关镇、河西乡、北山镇/);
    expect(stderr).toMatch(/events\/d\.md:8 leaflets 应为不带引号的整数/);
  });
});

describe('import', () => {
  const csv = [
    '日期,镇区,承办单位,地点,形式,资料份数,受众人数',
    '2025-04-05,城关镇,城关镇禁毒办,城关镇文化广场,展览,120,450',
    '2025/4/9,河西乡,河西乡禁毒办,河西乡中学,讲座,80,300',
  ].join('\r\n');

  it('plans with --dry-run, writes records that pass the gate, and never overwrites', () => {
    const dir = fixtureSite('import', { 'a.md': record('2025-04-02', '文化站', 100, 300) });
    const sheet = path.join(work, 'log.csv');
    writeFileSync(sheet, `\ufeff${csv}`);

    const dry = tally(['import', sheet, '--dry-run'], dir);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('2 行可导入，0 处错误');
    expect(dry.stdout).toContain('（试运行：没有写入文件）');
    expect(readdirSync(path.join(dir, 'events'))).toEqual(['a.md']);

    const real = tally(['import', sheet], dir);
    expect(real.status).toBe(0);
    const written = readdirSync(path.join(dir, 'events')).filter((f) => f !== 'a.md');
    expect(written).toHaveLength(2);
    const settings = loadSettings(dir, {});
    expect(checkContent(dir, settings).problems).toEqual([]);
    expect(JSON.parse(tally(['--format', 'json'], dir).stdout)[0].computed).toEqual({ events: 3, leaflets: 300, audience: 1050 });

    const again = tally(['import', sheet], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('log.csv 第 2 行 与 ');
    expect(again.stdout).toContain('表格有错误，没有写入任何文件');
    expect(readdirSync(path.join(dir, 'events'))).toHaveLength(3);
  });

  it('writes nothing for a sheet with errors unless asked, then only the good rows', () => {
    const dir = fixtureSite('import-bad', {});
    const sheet = path.join(work, 'bad.csv');
    writeFileSync(sheet, `${csv}\r\n2025-04-10,城关镇,城关镇禁毒办,城关镇集市,跳舞,10,约100`);
    const refused = tally(['import', sheet], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('第 4 行 E 列（形式）：只能是以下之一');
    expect(refused.stderr).toContain('第 4 行 G 列（受众人数）：应为不带引号的整数');
    expect(readdirSync(path.join(dir, 'events'))).toEqual([]);

    const partial = tally(['import', sheet, '--allow-errors'], dir);
    expect(partial.status).toBe(1);
    expect(readdirSync(path.join(dir, 'events'))).toHaveLength(2);
    expect(existsSync(path.join(dir, 'events'))).toBe(true);
  });
});
