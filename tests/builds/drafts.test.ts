/**
 * Drafts never appear anywhere (pages, feed, sitemap, search index, images,
 * calendar, totals); a future-dated item appears once the build day reaches it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '#/lib/build/output-checks.ts';
import { paths } from '#/lib/site/urls.ts';
import { astroBuild, buildEnv, ROOT, SITES } from '../helpers/sites.ts';

const work = mkdtempSync(path.join(tmpdir(), 'drafts-'));
const contentDir = path.join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const news = (title: string, date: string, draft: boolean) =>
  `---\ntitle: ${title}\ndate: "${date}"\ncategory: 宣传教育\noutlets: [本站]\nsummary: 这是一条用于检查草稿和定时发布的测试新闻摘要。\ntags: [测试标签]\ndraft: ${draft}\n---\n\n${title}的正文，用来确认它不会提前出现在任何地方。\n`;

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
  writeFileSync(path.join(contentDir, file), text);
};

function build(day: string) {
  const outDir = path.join(work, `dist-${day}`);
  const env: NodeJS.ProcessEnv = {
    ...buildEnv({ name: `drafts-${day}`, contentDir, outDir, siteUrl: 'https://drafts.example' }),
    SITE_BUILD_DATE: day,
  };
  rmSync(env.SITE_CACHE_DIR!, { recursive: true, force: true });
  const result = astroBuild(env);
  if (result.status !== 0) throw new Error(result.output);
  return outDir;
}

/** Every text the site serves, with the search index's fragments unpacked. */
function everything(outDir: string): string {
  return filesUnder(outDir, (name) => /\.(html|xml|ics|json|csv|txt)$|^_headers$|\.pf_fragment$/.test(name))
    .map((file) => (file.endsWith('.pf_fragment') ? gunzipSync(readFileSync(file)).toString('utf8') : readFileSync(file, 'utf8')))
    .join('\n');
}

let before = '';
let outBefore = '';
let after = '';

beforeAll(() => {
  cpSync(SITES.otherCity.contentDir, contentDir, { recursive: true });
  write('news/2025-06-01-cao-gao.md', news('城关镇草稿新闻标题', '2025-06-01', true));
  write('news/2027-01-05-ding-shi.md', news('城关镇定时发布新闻', '2027-01-05', false));
  write(
    'letters/cao-gao-xin.md',
    '---\ntitle: 草稿家长信标题\ndate: "2025-06-02"\noccasion: 其他\nissuer: 县禁毒办\nrecipients: 全县家长\nsummary: 这封信还在修改，不应出现在网站上。\ndraft: true\n---\n\n草稿家长信正文。\n',
  );
  write(
    'topics/cao-gao-zhi-shi.md',
    '---\ntitle: 草稿知识页标题\nkind: 毒品知识\nsummary: 这篇知识还在审核，不应出现在网站上。\nupdated: "2025-06-03"\ndraft: true\n---\n\n草稿知识页正文。\n',
  );
  write(
    'lectures/cao-gao-xuan-jiang.md',
    '---\nschool: 草稿宣讲学校\ntown: 北山镇\ndate: "2026-12-10"\nstart: "09:00"\nend: "10:00"\nvenue: 礼堂\nteam: 宣讲队\ntopic: 草稿宣讲主题\naudience: 全校\ndraft: true\n---\n',
  );
  write(
    'campaigns/spring.md',
    '---\nname: 春季宣传月\nstart: "2025-04-01"\nend: "2025-04-30"\norganizer: 县禁毒办\nsummary: 四月在各乡镇开展禁毒宣传活动。\nreported:\n  events: 1\n  leaflets: 100\n  audience: 300\n---\n\n活动介绍。\n',
  );
  write(
    'events/a.md',
    '---\ncampaign: spring\ndate: "2025-04-02"\ntown: 城关镇\norganizer: 城关镇禁毒办\nvenue: 文化站\nformat: 讲座\nleaflets: 100\naudience: 300\n---\n',
  );
  write(
    'events/b.md',
    '---\ncampaign: spring\ndate: "2025-04-03"\ntown: 城关镇\norganizer: 城关镇禁毒办\nvenue: 草稿活动地点\nformat: 讲座\nleaflets: 999\naudience: 999\ndraft: true\n---\n',
  );
  outBefore = build('2026-11-28');
  before = everything(outBefore);
  after = everything(build('2027-01-05'));
}, 120_000);

describe('drafts', () => {
  it.each(['城关镇草稿新闻标题', '草稿家长信标题', '草稿知识页标题', '草稿宣讲学校', '草稿宣讲主题', '草稿活动地点', 'cao-gao'])(
    'never publish %s',
    (text) => {
      expect(before.includes(text)).toBe(false);
      expect(after.includes(text)).toBe(false);
    },
  );

  it('make no page, share image or poster', () => {
    for (const p of [paths.news('2025-06-01-cao-gao'), paths.letter('cao-gao-xin'), paths.topic('cao-gao-zhi-shi')]) {
      expect(existsSync(path.join(outBefore, p, 'index.html')), p).toBe(false);
      expect(existsSync(path.join(outBefore, paths.shareCard(p))), p).toBe(false);
    }
    expect(existsSync(path.join(outBefore, paths.lecturePoster('cao-gao-xuan-jiang')))).toBe(false);
  });

  it('leave a draft event out of the totals', () => {
    const json = JSON.parse(readFileSync(path.join(outBefore, paths.campaignEvents('spring', 'json')), 'utf8'));
    expect(json.totals).toEqual({ events: 1, leaflets: 100, audience: 300 });
  });
});

describe('scheduled items', () => {
  it('stay out until the build day reaches their date, then appear everywhere', () => {
    expect(before.includes('城关镇定时发布新闻')).toBe(false);
    expect(after).toContain('城关镇定时发布新闻');
    expect(after).toContain('https://drafts.example/news/2027-01-05-ding-shi/'); // feed and sitemap
    expect(after).toContain('"url":"/news/2027-01-05-ding-shi/"'); // search index
  });

  it('are listed by npm run check', () => {
    const result = spawnSync(process.execPath, ['scripts/check.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_BUILD_DATE: '2026-11-28' },
    });
    expect(result.stdout).toMatch(/定时发布（以 2026-11-28 为今天[^\n]*\n\s+2027-01-05\s+\S*news\/2027-01-05-ding-shi\.md/);
    expect(result.stdout).toMatch(/草稿（draft: true，不会发布）：[\s\S]*events\/b\.md[\s\S]*letters\/cao-gao-xin\.md/);
  });
});
