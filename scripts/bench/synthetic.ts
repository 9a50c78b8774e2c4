/**
 * Synthetic Chinese content for the benchmark: N news items plus proportional
 * lectures, events and topics, written into a temporary content folder (never
 * into content/). Deterministic, so runs compare.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSettings } from '#/lib/site/settings.ts';

const SENTENCES = [
  '镇禁毒办组织干部和志愿者走进村居，向群众讲解毒品的危害和识别方法。',
  '活动现场设置了展板和咨询台，工作人员耐心解答群众提出的问题。',
  '宣讲员结合身边事例，提醒大家警惕伪装成零食和饮料的新型毒品。',
  '学校把禁毒教育纳入主题班会，引导学生树立正确的健康观念。',
  '社区工作人员逐户发放宣传资料，并登记群众反映的意见和建议。',
  '有关部门表示，将继续加强协作，把禁毒宣传做到群众身边。',
  '家长们表示，通过这次活动学到了很多实用的知识。',
  '活动还设置了知识问答环节，答对的群众获得了小礼品。',
];
const TITLES = [
  '禁毒宣传进社区',
  '校园禁毒讲座',
  '禁毒知识竞赛',
  '禁毒展览开展',
  '志愿者入户宣传',
  '家长课堂讲禁毒',
  '禁毒文艺演出',
  '法治宣传活动',
];
const TAGS = Array.from({ length: 40 }, (_, i) => `专题${i + 1}`);
const CATEGORIES = ['工作动态', '宣传教育', '校园禁毒', '打击整治', '戒毒康复', '执法司法'];

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function dateOf(i: number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + (i % 3600) * 86400000);
  return day.toISOString().slice(0, 10);
}

export function writeSyntheticContent(dir: string, n: number, settingsFile: string): { editable: string } {
  const random = rng(n);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (const folder of ['news', 'lectures', 'events', 'campaigns', 'topics']) mkdirSync(path.join(dir, folder), { recursive: true });
  copyFileSync(settingsFile, path.join(dir, 'site.yaml'));
  // The towns of the settings copied in: content may only name those.
  const towns = loadSettings(dir, {}).towns.slice(0, 5);
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 10 }, () => pick(SENTENCES)).join('');
    const tags = [pick(TAGS), pick(TAGS)].filter((t, k, all) => all.indexOf(t) === k);
    writeFileSync(
      path.join(dir, 'news', `${dateOf(i)}-item-${i}.md`),
      `---\ntitle: ${pick(towns)}${pick(TITLES)}（第${i + 1}期）\ndate: "${dateOf(i)}"\ncategory: ${pick(CATEGORIES)}\noutlets: [本站]\nsummary: ${pick(SENTENCES)}\ntags: [${tags.join(', ')}]\ntown: ${pick(towns)}\n---\n\n${body}\n\n${body}\n`,
    );
  }
  writeFileSync(
    path.join(dir, 'campaigns', 'bench.md'),
    `---\nname: 基准测试宣传活动\nstart: "2015-01-01"\nend: "2024-12-31"\norganizer: 市禁毒办\nsummary: 用于基准测试的宣传活动记录，数字无实际意义。\nreported:\n  events: 0\n  leaflets: 0\n  audience: 0\n---\n\n活动介绍。\n`,
  );
  for (let i = 0; i < Math.max(1, Math.floor(n / 2)); i++) {
    writeFileSync(
      path.join(dir, 'events', `e-${i}.md`),
      `---\ncampaign: bench\ndate: "${dateOf(i)}"\ntown: ${pick(towns)}\norganizer: 镇禁毒办\nvenue: 文化广场${i}\nformat: 讲座\nleaflets: ${Math.floor(random() * 200)}\naudience: ${Math.floor(random() * 600)}\n---\n`,
    );
  }
  for (let i = 0; i < Math.max(1, Math.floor(n / 10)); i++) {
    writeFileSync(
      path.join(dir, 'lectures', `l-${i}.md`),
      `---\nschool: 第${i}中学\ntown: ${pick(towns)}\ndate: "${dateOf(i)}"\nstart: "09:00"\nend: "10:00"\nvenue: 礼堂\nteam: 宣讲团\ntopic: 珍爱生命远离毒品\naudience: 全校学生\n---\n`,
    );
  }
  for (let i = 0; i < Math.max(1, Math.floor(n / 20)); i++) {
    writeFileSync(
      path.join(dir, 'topics', `t-${i}.md`),
      `---\ntitle: 预防知识第${i + 1}篇\nkind: 毒品知识\nsummary: ${pick(SENTENCES)}\nupdated: "2024-06-01"\n---\n\n## 要点\n\n${Array.from({ length: 8 }, () => pick(SENTENCES)).join('')}\n`,
    );
  }
  return { editable: path.join(dir, 'news', `${dateOf(0)}-item-0.md`) };
}
