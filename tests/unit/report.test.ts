/**
 * The Markdown report: rendered by a GFM renderer that passes raw HTML and any link
 * through untouched (Sätteri, the parser the site renders with), so text from a hostile
 * file that became markup would show in the HTML. The hosts add sanitising of their
 * own; the report must not need it.
 */
import { parse } from 'node-html-parser';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { splitAdvice } from '#/lib/build/report-advice.ts';
import { renderReport, type Report, type ReportProblem } from '#/lib/build/report.ts';
import { markdownLink, markdownText } from '#/lib/formats/markdown.ts';

const html = (markdown: string) => markdownToHtml(markdown).html;

/** Every row of every table in the rendered report, as the text of its cells. */
function tableRows(markdown: string): string[][] {
  return (
    parse(html(markdown))
      .querySelectorAll('tbody tr')
      // Without the word joiners the report puts after @ and # (./markdown.ts says why): the reader does not see them.
      .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.replaceAll('\u2060', '')))
  );
}

const problem = (fields: Partial<ReportProblem>): ReportProblem => ({
  file: 'content/news/2025-06-03-x.md',
  line: 7,
  field: 'title',
  fieldLabel: '标题',
  message: '太长：最多 60 个字，现在 75 个字，请删减（示例："春季禁毒流动课堂在城关镇启动"）',
  severity: 'error',
  ...fields,
});

const failed = (problems: ReportProblem[]): Report => ({ command: 'build', today: '2026-11-28', problems });

/** Texts a hostile file could carry into a message, a field name or a file name. */
const HOSTILE = [
  '竖线 | 分开 | 单元格',
  '反引号 ` 和 ``` 代码',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[点这里](javascript:alert(1))',
  '![图](javascript:alert(1))',
  '[引用][r]\n\n[r]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<https://evil.example>',
  '网址 https://evil.example\\> 和 www.evil.example 和 a@evil.example',
  '第一行\n| 伪造 | 的 | 表格 | 行 |\n第三行',
  '回车\r\n换行',
  '&#x202E;实体&lt;b&gt;',
  '方向\u202E覆盖\u2066隔离',
  '零宽\u200B空格\u2060连接',
  '@admin 和 @all 请看',
  '#1 和 !2 和 ~3 和 %4',
  '*强调* _强调_ **粗** ~~删除~~',
  '$x^2$ 和 $$y$$ 数学',
  '{+ 新增 +} [- 删除 -]',
  '反斜杠 \\| 和 \\\\',
  '<!-- jindu-report status=passed -->',
];

/** What a reader should see for a hostile text: the same words, line breaks as spaces, invisible characters by their code. */
const shown = (text: string) =>
  text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\u202E\u2066\u200B\u2060]/g, (c) => `〔U+${c.codePointAt(0)!.toString(16).toUpperCase()}〕`)
    .trim();

describe('escaping for Markdown tables', () => {
  it.each(HOSTILE)('a message, field and file holding %j stay one row of four cells, shown as written, with no markup', (text) => {
    const markdown = renderReport(
      failed([problem({ file: `content/news/${text}.md`, field: text, fieldLabel: undefined, message: text })]),
    );
    const out = html(markdown);
    expect(tableRows(markdown)).toEqual([[`content/news/${shown(text)}.md 第 7 行`, shown(text), shown(text), '—']]);
    // No element but the report's own, and none with an attribute: no link, image, script, emphasis, code or raw HTML.
    const elements = parse(out).querySelectorAll('*');
    expect(new Set(elements.map((e) => e.tagName.toLowerCase()))).toEqual(
      new Set(['h2', 'h3', 'p', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'li']),
    );
    expect(elements.filter((e) => Object.keys(e.attributes).length > 0)).toEqual([]);
    // Only the report's own first line is an HTML comment.
    expect(out.match(/<!--/g)).toHaveLength(1);
  });

  it('breaks mentions, issue links and autolinks with a word joiner, which the reader does not see', () => {
    expect(markdownText('@admin #12 https://x.example www.x.example')).toBe(
      '@\u2060admin #\u206012 https:\u2060//x.example www\u2060.x.example',
    );
  });

  it('links only to web addresses, with the label escaped and brackets in the address encoded', () => {
    expect(markdownLink('标题 [x]', 'https://jindu.example/news/a(b)/')).toBe('[标题 \\[x\\]](https://jindu.example/news/a%28b%29/)');
    expect(() => markdownLink('x', 'javascript:alert(1)')).toThrow(RangeError);
    const link = parse(html(markdownLink('城关镇 *禁毒* 展览', 'https://jindu.example/news/x/'))).querySelector('a')!;
    expect([link.getAttribute('href'), link.textContent]).toEqual(['https://jindu.example/news/x/', '城关镇 *禁毒* 展览']);
  });
});

describe('the fix column', () => {
  it.each([
    ['日期不存在：2024-02-30（请使用真实日期，如 2024-02-29）', '日期不存在：2024-02-30', '请使用真实日期，如 2024-02-29'],
    ['缺少必填项“摘要”，请添加一行，如 summary: "简短摘要。"', '缺少必填项“摘要”', '请添加一行，如 summary: "简短摘要。"'],
    ['只能是以下之一：城关镇、河西乡（乡镇，示例：城关镇）', '只能是以下之一：城关镇、河西乡', '示例：城关镇'],
    ['太长：最多 60 个字，现在 75 个字，请删减（标题，示例："春季禁毒"）', '太长：最多 60 个字，现在 75 个字', '请删减；示例："春季禁毒"'],
    ['日期格式不对：2025-4-1（应为 YYYY-MM-DD，月、日补足两位）', '日期格式不对：2025-4-1', '应为 YYYY-MM-DD，月、日补足两位'],
    ['文件开头缺少信息区（frontmatter）：第一行应为 ---', '文件开头缺少信息区（frontmatter）', '第一行应为 ---'],
    [
      '与 a.md 的网页地址相同，两篇只能留一篇发布。请给其中一个文件改名',
      '与 a.md 的网页地址相同，两篇只能留一篇发布。',
      '请给其中一个文件改名',
    ],
    // Advice words inside a quoted value are the value's.
    ['不认识的字段“x：请y”（可能拼写错了；此处可用的字段有：title）', '不认识的字段“x：请y”', '可能拼写错了；此处可用的字段有：title'],
    // All advice: the field column says where, the fix column what to do.
    [
      '请填写公开的办公电话（如 "12356"）；电话还没公布时，加一行 placeholder: true',
      '',
      '请填写公开的办公电话（如 "12356"）；电话还没公布时，加一行 placeholder: true',
    ],
    // No advice: the whole message is the problem.
    ['图片说明太短', '图片说明太短', undefined],
    ['图片地址不安全（javascript:）', '图片地址不安全（javascript:）', undefined],
  ])('%s', (message, problemPart, fix) => {
    expect(splitAdvice(message)).toEqual(fix ? { problem: problemPart, fix } : { problem: problemPart });
  });
});

describe('the report', () => {
  it('of a failed build: headline, counts, the errors, the warnings apart, and what to do next', () => {
    const markdown = renderReport(
      failed([
        problem({}),
        problem({
          file: 'content/news/b.md',
          line: 3,
          field: 'date',
          fieldLabel: '发布日期',
          message: '日期不存在：2025-06-31（请使用真实日期，如 2025-06-30）',
        }),
        problem({
          file: 'content/news/c.md',
          line: undefined,
          field: undefined,
          message: '图片说明太短（请用至少 4 个字描述图片内容）',
          severity: 'warning',
        }),
      ]),
    );
    expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=failed -->');
    expect(markdown).toContain('## ❌ 网站没有生成，已发布的网站不受影响');
    expect(markdown).toContain('共 **2** 处错误需要修改（2 个文件），另有 1 条提醒。');
    expect(markdown).toContain('### 提醒（不影响生成，建议修改）');
    expect(markdown).toContain('### 接下来怎么做');
    expect(tableRows(markdown)).toEqual([
      [
        'content/news/2025-06-03-x.md 第 7 行',
        '标题（title）',
        '太长：最多 60 个字，现在 75 个字',
        '请删减；示例："春季禁毒流动课堂在城关镇启动"',
      ],
      ['content/news/b.md 第 3 行', '发布日期（date）', '日期不存在：2025-06-31', '请使用真实日期，如 2025-06-30'],
      ['content/news/c.md', '—', '图片说明太短', '请用至少 4 个字描述图片内容'],
    ]);
  });

  it('masks personal data in every column', () => {
    const markdown = renderReport(
      failed([
        problem({
          file: 'content/news/13812345678.md',
          message: '正文里有 460002198506121235（请删除）',
          field: 'tags[0]',
          fieldLabel: undefined,
        }),
      ]),
    );
    expect(markdown).not.toMatch(/13812345678|460002198506121235/);
    expect(tableRows(markdown)[0]).toEqual(['content/news/1381*****78.md 第 7 行', 'tags[0]', '正文里有 4600************35', '请删除']);
  });

  it('of a program fault: a line for the technician, and no advice to edit content', () => {
    const markdown = renderReport({ command: 'build', problems: [], fault: 'TypeError: x is not a function <b>' });
    expect(markdown).toContain('这不是文稿的问题，是生成程序本身出错了');
    expect(markdown).toContain('技术信息：TypeError: x is not a function \\<b\\>');
    expect(markdown).not.toContain('接下来怎么做');
    expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=failed -->');
  });

  it('of content that passed: counts by type, changed entries with their pages, scheduled items and drafts', () => {
    const markdown = renderReport({
      command: 'build',
      today: '2026-11-28',
      problems: [problem({ severity: 'warning', message: '图片较大（请缩小）' })],
      published: {
        byType: [
          { type: '新闻', count: 12 },
          { type: '宣讲安排', count: 3 },
        ],
        changes: {
          since: '0123456789abcdef0123456789abcdef01234567',
          entries: [
            {
              type: '新闻',
              title: '城关镇举办禁毒图片展',
              file: 'content/news/a.md',
              url: 'https://jindu.example/news/a/',
              state: '已发布',
            },
          ],
        },
        scheduled: [{ type: '新闻', title: '冬季宣传月 | 预告', file: 'content/news/b.md', date: '2026-12-20' }],
        drafts: [{ type: '新闻', title: '草稿', file: 'content/news/c.md' }],
      },
    });
    expect(markdown.split('\n')[0]).toBe('<!-- jindu-report status=passed -->');
    expect(markdown).toContain('## ✅ 网站生成成功');
    expect(markdown).toContain('网站包含 15 项内容：新闻 12，宣讲安排 3。');
    expect(markdown).toContain('### 本次修改的内容（自 0123456789ab 以来）');
    expect(tableRows(markdown)).toEqual([
      ['content/news/2025-06-03-x.md 第 7 行', '标题（title）', '图片较大', '请缩小'],
      ['新闻', '城关镇举办禁毒图片展', 'content/news/a.md', '已发布'],
      ['2026-12-20', '冬季宣传月 | 预告', 'content/news/b.md'],
      ['新闻', '草稿', 'content/news/c.md'],
    ]);
    expect(parse(html(markdown)).querySelector('td a')!.getAttribute('href')).toBe('https://jindu.example/news/a/');
  });

  it('stays under the length a comment may have, and says how many rows it left out', () => {
    const many = Array.from({ length: 3000 }, (_, i) => problem({ file: `content/news/item-${i}.md` }));
    const markdown = renderReport(failed(many));
    expect(markdown.length).toBeLessThan(60_000);
    const rows = tableRows(markdown).length;
    expect(rows).toBeGreaterThan(100);
    expect(markdown).toContain(`还有 ${3000 - rows} 条没有列出`);
    expect(markdown).toContain('共 **3000** 处错误');
  });
});
