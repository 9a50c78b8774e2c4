/**
 * The content gate on real files: a small valid site, then one mistake at a
 * time, each of which must come back as a Chinese message naming the file,
 * the line, the field and the fix.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { formatProblem } from '#/lib/gate/problem.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { news } from '../helpers/temp-site.ts';

const FIXTURE = path.resolve('tests/fixtures/other-city');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gate-'));
  cpSync(FIXTURE, dir, { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(relative: string, text: string) {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Problems as staff read them, with the temp folder cut off the paths. */
function report(): string[] {
  const { problems } = checkContent(dir, loadSettings(dir, {}));
  return problems.map((p) => formatProblem({ ...p, file: path.relative(dir, path.resolve(p.file)) }));
}

describe('content gate', () => {
  it('passes the valid fixture', () => {
    expect(report()).toEqual([]);
  });

  it('rejects an impossible date and suggests a real one', () => {
    write('news/bad-date.md', news({ date: '"2024-02-30"' }));
    expect(report()).toEqual(['news/bad-date.md:3 date 日期不存在：2024-02-30（请使用真实日期，如 2024-02-29）']);
  });

  it('rejects an unquoted date, which YAML would silently shift', () => {
    write('news/unquoted.md', news({ date: '2024-02-30' }));
    expect(report()).toEqual([
      'news/unquoted.md:3 date 日期要加英文双引号，如 "2024-03-01"（不加引号时，写错的日期会被悄悄改成另一天）',
      'news/unquoted.md:3 date 日期不存在：2024-02-30（请使用真实日期，如 2024-02-29）',
    ]);
  });

  it('rejects an unknown key and lists the allowed ones', () => {
    write('news/typo.md', news({ tittle: '错字' }));
    const [line] = report();
    expect(line).toMatch(/^news\/typo\.md:7 tittle 不认识的字段“tittle”（可能拼写错了；此处可用的字段有：title、date、/);
  });

  it('rejects a value outside a closed list and names the choices', () => {
    write('news/wrong-category.md', news({ category: '新闻' }));
    expect(report()).toEqual([
      'news/wrong-category.md:4 category 只能是以下之一：工作动态、宣传教育、校园禁毒、打击整治、戒毒康复、执法司法（栏目，示例：宣传教育）',
    ]);
  });

  it('rejects a town that is not in the settings', () => {
    write('news/town.md', news({ town: '嘉积镇' }));
    expect(report()[0]).toContain('town 只能是以下之一：城关镇、河西乡、北山镇');
  });

  it('rejects counts written as strings, negative or fractional', () => {
    write(
      'lectures/counts.md',
      '---\nschool: 北山中学\ntown: 北山镇\ndate: "2025-06-01"\nstart: "09:00"\nend: "10:00"\nvenue: 操场\nteam: 宣讲队\ntopic: 禁毒\naudience: 全校\nexpected: "300"\n---\n',
    );
    write(
      'lectures/negative.md',
      '---\nschool: 北山中学\ntown: 北山镇\ndate: "2025-06-02"\nstart: "09:00"\nend: "10:00"\nvenue: 操场\nteam: 宣讲队\ntopic: 禁毒\naudience: 全校\nexpected: -3\n---\n',
    );
    write(
      'lectures/fraction.md',
      '---\nschool: 北山中学\ntown: 北山镇\ndate: "2025-06-03"\nstart: "09:00"\nend: "10:00"\nvenue: 操场\nteam: 宣讲队\ntopic: 禁毒\naudience: 全校\nexpected: 2.5\n---\n',
    );
    expect(report()).toEqual([
      'lectures/counts.md:11 expected 应为不带引号的整数（示例：600）',
      'lectures/fraction.md:11 expected 应为整数，不能有小数（示例：600）',
      'lectures/negative.md:11 expected 不能是负数（示例：600）',
    ]);
  });

  it('rejects a reference to a file that does not exist, naming both sides', () => {
    write(
      'lectures/dangling.md',
      '---\nschool: 北山中学\ntown: 北山镇\ndate: "2025-06-01"\nstart: "09:00"\nend: "10:00"\nvenue: 操场\nteam: 宣讲队\ntopic: 禁毒\naudience: 全校\nreport: no-such-news\n---\n',
    );
    const [line] = report();
    expect(line).toMatch(/^lectures\/dangling\.md:11 report 引用的新闻“no-such-news”不存在：.*news\/ 里没有 no-such-news\.md/);
  });

  it('rejects a non-ASCII file name and proposes a pinyin one', () => {
    write('news/禁毒宣传.md', news({}));
    expect(report()).toEqual([
      'news/禁毒宣传.md 文件名只能用小写英文字母、数字和连字符（-），因为它就是网页地址。请改名为 jin-du-xuan-chuan.md',
    ]);
  });

  it('rejects two files that would publish at one address, naming both', () => {
    write('news/2025/same-name.md', news({}));
    write('news/same-name.md', news({}));
    const lines = report();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^news\/same-name\.md 与 .*news\/2025\/same-name\.md 的网页地址相同/);
  });

  it('compares file names after NFKC and case folding', () => {
    write('news/same-name.md', news({}));
    write('news/2025/ＳＡＭＥ-name.md', news({}));
    const lines = report();
    expect(lines).toContainEqual(expect.stringMatching(/^news\/same-name\.md 与 .*news\/2025\/ＳＡＭＥ-name\.md 的网页地址相同/));
  });

  it('reports a missing required field with an example line', () => {
    write('news/missing.md', news({ summary: '' }));
    expect(report()).toEqual([
      'news/missing.md:2 summary 缺少必填项“摘要”，请添加一行，如 summary: "3月1日起，县禁毒办组织宣讲队走进学校和社区开展禁毒宣传。"',
    ]);
  });

  it('explains broken YAML with its line', () => {
    write('news/yaml.md', '---\ntitle: 城关镇开展禁毒宣传活动\ndate:"2025-04-01"\n---\n');
    expect(report()[0]).toMatch(/^news\/yaml\.md:\d+ 信息区格式错误：/);
  });

  it('explains a file without frontmatter', () => {
    write('news/plain.md', '只有正文\n');
    expect(report()).toEqual(['news/plain.md:1 文件开头缺少以 --- 包围的信息区（frontmatter）：第一行应为 ---，信息写完后再写一行 ---']);
  });

  it('never skips a file silently', () => {
    write('news/note.txt', '随手记');
    write('news/draft.markdown', news({}));
    expect(report()).toEqual([
      'news/draft.markdown 不认识的文件类型：请把扩展名改为 .md，否则不会发布',
      'news/note.txt 不认识的文件类型：请把扩展名改为 .md，否则不会发布',
    ]);
  });

  it('checks images: relative path, file present, alt text that is not a file name', () => {
    write('news/cover.md', news({ cover: '\n  src: ./missing.jpg\n  alt: photo.jpg' }));
    expect(report()).toEqual(['news/cover.md:9 cover.alt 图片说明应描述图片内容，不能只写文件名（示例："学生在禁毒教育基地参观展板"）']);
    write('news/cover.md', news({ cover: '\n  src: ./missing.jpg\n  alt: 学生参观禁毒展板' }));
    expect(report()).toEqual(['news/cover.md:8 cover.src 找不到图片 ./missing.jpg（请检查文件名和大小写）']);
  });

  it('refuses a personal mobile number as a booking phone', () => {
    write(
      'bases/mobile.md',
      '---\nname: 城关镇禁毒教育基地\nkind: 禁毒教育馆\ntown: 城关镇\naddress: 城关镇文化站\nhours: 工作日开放\nbooking:\n  unit: 城关镇禁毒办\n  phone: "13800138000"\n  who: 学校\n  groupSize: 40\n  notice: 3个工作日\n  cost: 免费\n  accessibility: 展厅在一楼\nexhibits: [展板]\nsummary: 位于镇文化站二楼，面向中小学生开放。\n---\n',
    );
    const lines = report();
    expect(lines).toContainEqual(expect.stringContaining('booking.phone 不能填写个人手机号'));
    expect(lines).toContainEqual(expect.stringMatching(/^bases\/mobile\.md:9 疑似个人信息（手机号：1380\*+00）/));
  });

  it('keeps listing pages free: a news file may not be called "page"', () => {
    write('news/page.md', news({}));
    expect(report()).toEqual(['news/page.md 文件名 page 已被网站栏目占用，请换一个文件名']);
  });

  it('refuses two tags that would share one tag page', () => {
    write('news/a.md', news({ tags: '[禁毒宣传]' }));
    write('news/b.md', news({ tags: '[禁毒宣串]' }));
    const [line] = report();
    expect(line).toMatch(/^news\/b\.md:7 tags 标签“禁毒宣串”和 .*news\/a\.md 里的标签“禁毒宣传”拼音相同，会共用一个标签页/);
  });

  it('refuses a category name as a tag, which would list the same news twice with different counts', () => {
    write('news/campus.md', news({ tags: '[宣讲团, 校园禁毒]' }));
    expect(report()).toEqual([
      'news/campus.md:7 tags[1] “校园禁毒”是栏目名，不用再写成标签：选了这个栏目的新闻已列在栏目页上，请删去这个标签（标签，示例：流动课堂）',
    ]);
  });

  it('reports every problem in one run', () => {
    write('news/a.md', news({ date: '"2024-02-30"' }));
    write('news/b.md', news({ category: '新闻', town: '火星' }));
    expect(report()).toHaveLength(3);
  });
});

describe('Markdown policy', () => {
  const withBody = (body: string) => news({}).replace('\n正文。\n', `\n${body}\n`);

  it.each([
    ['<script>alert(1)</script>', '正文里不能写 HTML 代码：<script>alert(1)</script>'],
    ['图片<img src="x" onerror="alert(1)">', '正文里不能写 HTML 代码：<img src="x" onerror="alert(1)">'],
    ['<iframe src="https://evil.example"></iframe>', '正文里不能写 HTML 代码：<iframe'],
    ['文字<span style="color:red">红</span>', '正文里不能写 HTML 代码：<span style="color:red">'],
    ['[点我](javascript:alert(1))', '链接地址不安全：javascript:alert(1)'],
    ['[点我](JaVaScRiPt:alert(1))', '链接地址不安全'],
    ['[点我](&#106;avascript:alert(1))', '链接地址不安全'],
    ['[点我](data:text/html;base64,PHNjcmlwdD4=)', '链接地址不安全'],
    ['[点我](vbscript:msgbox)', '链接地址不安全'],
    ['[点我][x]\n\n[x]: javascript:alert(1)', '链接地址不安全'],
    ['[旧文](/news/no-such-item/)', '站内链接指向的页面不存在：/news/no-such-item/'],
    ['[相对](../letters/x.md)', '站内链接请用以 / 开头的网址'],
    ['[宣讲](/lectures/#no-such-lecture)', '宣讲安排里没有 no-such-lecture 这一场'],
    ['![](./missing.jpg)', '图片缺少说明'],
    ['![外链图片说明文字](https://example.com/a.jpg)', '不能引用其他网站的图片'],
    ['![现场照片说明](./missing.jpg)', '找不到图片 ./missing.jpg'],
  ])('refuses %s', (body, message) => {
    write('news/policy.md', withBody(`第一段。\n\n${body}`));
    const lines = report();
    for (const line of lines) expect(line).toMatch(/^news\/policy\.md:1\d /);
    expect(lines).toContainEqual(expect.stringContaining(message));
  });

  it('allows plain Markdown, links to pages that exist, external links and code spans', () => {
    write(
      'news/fine.md',
      withBody(
        [
          '## 小标题',
          '- 列表项',
          '[暑假来信](/letters/shu-jia-xin-2025/) [宣讲](/lectures/#hexi-zhongxue-2025-06) [新闻](/news/) [首页](/)',
          '[国家禁毒网](https://www.nncc626.com/) [邮件](mailto:office@example.gov.cn) [电话](tel:110)',
          '代码样式 `<b>` 不算网页代码。',
        ].join('\n\n'),
      ),
    );
    expect(report()).toEqual([]);
  });

  it('refuses an image file over the size limit', () => {
    write('news/big.jpg', 'x'.repeat(10 * 1024 * 1024 + 1));
    write('news/big-photo.md', withBody('![超大照片说明](./big.jpg)'));
    expect(report()).toEqual([
      'news/big.jpg 图片文件太大（10.0 MB），单张不能超过 10 MB：请先压缩或缩小后再提交',
      'news/big-photo.md:9 图片 ./big.jpg 不能使用：图片文件太大（10.0 MB），单张不能超过 10 MB：请先压缩或缩小后再提交',
    ]);
  });

  it('refuses MDX in the content folder', () => {
    write('news/page-with-code.mdx', news({}));
    expect(report()).toEqual([
      'news/page-with-code.mdx content/ 里不能使用 MDX 文件（.mdx 会在生成时执行代码）。请改成 .md；需要交互组件的页面请交给开发人员放在 src/pages/ 里',
    ]);
  });
});

describe('personal data in content', () => {
  it('blocks personal data in frontmatter, body, alt text and file names, masked in the message', () => {
    write('news/a.md', news({ summary: '吸毒人员王小明，男，在城关镇被查获，现已依法处理。' }));
    write('news/b.md', news({}).replace('正文。', '联系人手机 138 0013 8000。'));
    write('news/110105194912310021x.md', news({}));
    const lines = report();
    expect(lines).toContainEqual(expect.stringMatching(/^news\/a\.md:6 疑似个人信息（涉毒人员的姓名：王\*\*）/));
    expect(lines).toContainEqual(expect.stringMatching(/^news\/b\.md:9 疑似个人信息（手机号：1380\*{5}00）/));
    expect(lines.join('\n')).not.toContain('13800138000');
  });

  it('lets allowlisted public values through, and needs a reason for each', () => {
    write('news/b.md', news({}).replace('正文。', '联系人手机 138 0013 8000。'));
    write('privacy-allowlist.yaml', '- value: "13800138000"\n  reason: 单位公开的值班手机\n');
    expect(report()).toEqual([]);
    write('privacy-allowlist.yaml', '- value: "13800138000"\n');
    expect(report()).toContainEqual(expect.stringContaining('缺少必填项“理由”'));
  });
});
