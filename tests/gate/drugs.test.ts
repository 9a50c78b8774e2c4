/**
 * A drug entry in the gate: the rules its schema adds to the field builders
 * (at least one thing to do, at least one official source, a kind from the
 * official grouping), each explained to staff in Chinese with the line.
 */
import { describe, expect, it } from 'vitest';
import { useTempSite } from '../helpers/temp-site.ts';

const site = useTempSite();

const drug = (over: Record<string, string> = {}) => {
  const fields = {
    name: '冰毒',
    kind: '合成毒品',
    summary: '冰毒的学名是甲基苯丙胺，外形像冰糖，极易上瘾。',
    appearance: '无色透明晶体',
    legal: '\n  status: 刑法明确列举的毒品\n  since: "1997-10-01"',
    whatToDo: '[拨打 110 举报]',
    sources: '\n  - title: 中华人民共和国刑法\n    issuer: 全国人民代表大会',
    updated: '"2025-05-01"',
    ...over,
  };
  site.write(
    'drugs/ce-shi.md',
    `---\n${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n---\n\n正文。\n`,
  );
  return site.report().filter((line) => line.startsWith('drugs/ce-shi.md'));
};

describe('a drug entry', () => {
  it('passes with the required fields only', () => {
    expect(drug()).toEqual([]);
  });

  it('needs at least one thing to do and one official source', () => {
    expect(drug({ whatToDo: '[]' }).join('\n')).toContain('drugs/ce-shi.md:9 whatToDo 至少写 1 条');
    expect(drug({ sources: '[]' }).join('\n')).toContain('drugs/ce-shi.md:10 sources 至少列出一份官方来源');
  });

  it('takes its kind from the official grouping, listed in the message', () => {
    expect(drug({ kind: '毒品' }).join('\n')).toContain('传统毒品、合成毒品、新精神活性物质、麻醉药品和精神药品、其他成瘾性物质');
  });

  it('refuses an unquoted listing date and a misspelt legal field', () => {
    expect(drug({ legal: '\n  status: 毒品\n  since: 2019-05-01' }).join('\n')).toContain('legal.since 日期要加英文双引号');
    expect(drug({ legal: '\n  status: 毒品\n  sinse: "2019-05-01"' })).not.toEqual([]);
  });
});
