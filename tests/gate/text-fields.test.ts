/**
 * Text fields refuse characters that hide or reorder text (bidi controls,
 * zero-width characters), controls, and code points that are not characters;
 * the message names the character and where it is. Values are written with
 * YAML escapes so the test file itself stays plain.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentProblemsError } from '#/lib/gate/problem.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { news, useTempSite } from '../helpers/temp-site.ts';

const site = useTempSite();

const FIX = '请删掉这一项，重新输入文字，不要从网页、聊天记录或文档里复制粘贴';

describe('characters in text fields', () => {
  it.each([
    ['\\u202E', 'U+202E', '从右到左覆盖符，会改变文字的显示方向'],
    ['\\u202A', 'U+202A', '从左到右嵌入符，会改变文字的显示方向'],
    ['\\u2067', 'U+2067', '从右到左隔离符，会改变文字的显示方向'],
    ['\\u200E', 'U+200E', '从左到右标记，会改变文字的显示方向'],
    ['\\u061C', 'U+061C', '阿拉伯字母标记，会改变文字的显示方向'],
    ['\\u200B', 'U+200B', '零宽空格'],
    ['\\u200D', 'U+200D', '零宽连字符'],
    ['\\u2060', 'U+2060', '零宽不换行符'],
    ['\\uFEFF', 'U+FEFF', '零宽不换行空格（BOM）'],
    ['\\uFFFD', 'U+FFFD', '替换字符“�”（文字编码出错时才会出现）'],
    ['\\uE000', 'U+E000', '私人使用区字符，各台电脑显示不同'],
    ['\\u0378', 'U+0378', '尚未分配的编码，不是一个字'],
    ['\\uD800', 'U+D800', '残缺的字符，文字编码已损坏'],
    ['\\x07', 'U+0007', '控制字符'],
    ['\\t', 'U+0009', '控制字符'],
    ['\\n', 'U+000A', '控制字符'],
    ['\\x9B', 'U+009B', '控制字符'],
    ['\\u00AD', 'U+00AD', '不可见的格式字符'],
  ])('refuses %s in a title, naming it and its position', (escape, code, what) => {
    site.write('news/title.md', news({ title: `"城关镇${escape}禁毒宣传活动"` }));
    expect(site.report()).toEqual([
      `news/title.md:2 title 第 4 个字是不允许的字符 ${code}（${what}）：${FIX}（标题，示例："春季禁毒流动课堂在城关镇启动"）`,
    ]);
  });

  it('counts the position in characters, not code units', () => {
    site.write('news/title.md', news({ title: '"𠀀城关镇\\u202E禁毒宣传"' }));
    expect(site.report()[0]).toContain('title 第 5 个字是不允许的字符 U+202E');
  });

  it('checks every text field: nested, in lists, alt text, other collections', () => {
    site.write(
      'news/tagged.md',
      news({ tags: '["禁毒\\u200B宣传"]', cover: '\n  src: ./zhan-ban-zhao-pian.jpg\n  alt: "展板\\u202E照片说明"' }),
    );
    site.write(
      'letters/issuer.md',
      '---\ntitle: 寒假致家长的一封信\ndate: "2025-01-10"\noccasion: 寒假\nissuer: "县禁毒办\\u2066"\nrecipients: 全县家长\nsummary: 寒假期间，请家长多陪伴孩子，留意孩子的交友情况。\nreplySlip:\n  fields: ["学生\\u200D姓名"]\n---\n',
    );
    const lines = site.report();
    expect(lines).toContainEqual(expect.stringMatching(/^news\/tagged\.md:7 tags\[0\] 第 3 个字是不允许的字符 U\+200B（零宽空格）/));
    expect(lines).toContainEqual(expect.stringMatching(/^news\/tagged\.md:10 cover\.alt 第 3 个字是不允许的字符 U\+202E/));
    expect(lines).toContainEqual(expect.stringMatching(/^letters\/issuer\.md:5 issuer 第 5 个字是不允许的字符 U\+2066/));
    expect(lines).toContainEqual(expect.stringMatching(/^letters\/issuer\.md:9 replySlip\.fields\[0\] 第 3 个字是不允许的字符 U\+200D/));
  });

  it('allows ordinary Chinese text, full-width spaces, emoji and line ends around a value', () => {
    site.write(
      'news/fine.md',
      news({ title: '"城关镇　开展禁毒宣传活动 ✅"', summary: '>\n  城关镇在集市上设点宣传禁毒知识，发放宣传资料。' }),
    );
    expect(site.report()).toEqual([]);
  });

  it('refuses them in site.yaml too, with the line', () => {
    const file = path.join(site.dir, 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: 青禾禁毒', 'name: "青禾\\u202E禁毒"'));
    let error: unknown;
    try {
      loadSettings(site.dir, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentProblemsError);
    expect((error as ContentProblemsError).problems[0]).toMatchObject({
      line: 2,
      field: 'name',
      message: expect.stringContaining('第 3 个字是不允许的字符 U+202E（从右到左覆盖符，会改变文字的显示方向）'),
    });
  });
});
