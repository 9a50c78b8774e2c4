/**
 * The web editor judges a body by the gate's own Markdown rules: the same
 * hostile bodies, fed to the gate (Sätteri, on a real content folder) and to
 * the editor's checks (micromark, no files), give the same messages at the
 * same lines, for every rule that needs no file.
 */
import { describe, expect, it } from 'vitest';
import { editorProblems } from '#/lib/content/editor-checks.ts';
import { loadAllowlist } from '#/lib/gate/allowlist.ts';
import type { Problem } from '#/lib/gate/problem.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { BUILD_DAY, news, useTempSite } from '../helpers/temp-site.ts';

const site = useTempSite();
const FIELDS = {
  title: '城关镇开展禁毒宣传活动',
  date: '2025-04-01',
  category: '宣传教育',
  outlets: ['本站'],
  summary: '城关镇在集市上设点宣传禁毒知识，发放宣传资料。',
};
/** `news()` puts the body on line 9 of the file; the editor counts the body's lines from 1. */
const BODY_OFFSET = 8;

const gateProblems = (body: string): Problem[] => {
  site.write('news/policy.md', news({}, body));
  return site.check().problems;
};

const editorSays = (body: string): Problem[] => {
  const checks = { settings: loadSettings(site.dir, {}), allow: [...loadAllowlist(site.dir).allow] };
  return editorProblems('news', FIELDS, body, 'news/policy.md', checks, BUILD_DAY);
};

const messages = (problems: Problem[]) => [...new Set(problems.map((p) => p.message))].sort();

/** The body's problems the editor places, at the gate's lines. */
const placed = (problems: Problem[]) =>
  problems
    .filter((p) => p.line !== undefined)
    .map((p) => `${p.line! + BODY_OFFSET} ${p.message}`)
    .sort();

const expectSame = (body: string) => {
  const gate = gateProblems(body);
  const editor = editorSays(body);
  expect(messages(editor)).toEqual(messages(gate));
  const gateLines = gate.map((p) => `${p.line} ${p.message}`);
  for (const line of placed(editor)) expect(gateLines).toContain(line);
  return editor;
};

const mobile = '&#49;3876543210';
const idNumber = '&#49;1010519491231002X';

describe('the editor refuses what the gate refuses, with its messages', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['an image with an error handler', '<img src=x onerror=alert(1)>'],
    ['inline HTML with a handler', '文字<span onclick="alert(1)">点这里</span>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['an HTML link to javascript:', '<a href="javascript:alert(1)">点我</a>'],
    ['an HTML comment', '<!-- 备注 -->'],
    ['a javascript: link', '[点我](javascript:alert(1))'],
    ['javascript: in mixed case', '[点我](JaVaScRiPt:alert(1))'],
    ['javascript: with an entity', '[点我](java&#x73;cript:alert(1))'],
    ['javascript: with a named colon', '[点我](&#x6A;avascript&colon;alert(1))'],
    ['javascript: with spaces in angle brackets', '[点我](<java script:alert(1)>)'],
    ['javascript: percent-encoded', '[点我](javascript%3Aalert(1))'],
    ['javascript: as an autolink', '<javascript:alert(1)>'],
    ['vbscript: by reference', '[点我][x]\n\n[x]: vbscript:msgbox'],
    ['data: in a definition nobody uses', '[x]: data:text/html,hello'],
    ['a data: image', '![现场照片说明](data:image/png;base64,AAAA)'],
    ['a data: image by reference', '![现场照片说明][d]\n\n[d]: DATA:image/png;base64,AAAA'],
    ['a remote image', '![现场照片说明](https://evil.example/t.png)'],
    ['a remote image without a scheme', '![现场照片说明](//evil.example/t.png)'],
    ['a remote image by reference', '![现场照片说明][x]\n\n[x]: https://evil.example/t.png'],
    ['a remote image in a footnote', '正文[^1]\n\n[^1]: ![现场照片说明](https://evil.example/t.png)'],
    ['a remote image in a table', '| 照片 |\n| --- |\n| ![现场照片说明](HTTPS://evil.example/t.png) |'],
    ['an image with an empty alt', '![](./zhan-ban-zhao-pian.jpg)'],
    ['an image with a short alt', '![照片](./zhan-ban-zhao-pian.jpg)'],
    ['an image described by its file name', '![zhan-ban-zhao-pian.jpg](./zhan-ban-zhao-pian.jpg)'],
    ['an image reference with an empty alt', '![][p]\n\n[p]: ./zhan-ban-zhao-pian.jpg'],
    ['an image path without ./', '![展板照片说明](zhan-ban-zhao-pian.jpg)'],
    ['an image path with a query', '![展板照片说明](./zhan-ban-zhao-pian.jpg?raw)'],
    ['a link without a leading slash', '[别处](evil.example/x)'],
    ['a link to another host without a scheme', '[别处](//evil.example/x)'],
    ['an ID number in a link title', `[办公室](https://example.gov.cn/ "联系人 ${idNumber}")`],
    ['an ID number in link text', `[身份证 ${idNumber}](https://example.gov.cn/)`],
    ['a mobile number in a tel: link', `[联系我们](tel:${mobile})`],
    ['a mobile number in an image alt', `![现场照片 ${mobile} 说明](./zhan-ban-zhao-pian.jpg)`],
    ['a mobile number in an image title', `![现场照片说明](./zhan-ban-zhao-pian.jpg "${mobile}")`],
    ['a mobile number in a code language', `\`\`\`${mobile}\n代码\n\`\`\``],
    ['a mobile number in a table cell', `| 联系 | 电话 |\n| --- | --- |\n| 张某 | ${mobile} |`],
    ['a mobile number written as it is', '联系电话：13876543210'],
    ['a right-to-left override', '文件 \u202Egpj.exe'],
    ['a right-to-left override as an entity', '文字&#x202E;倒转'],
    ['an override in a link address', '[下载](https://example.gov.cn/\u202Etxt.exe)'],
    ['a bomb of nested quotes', `${'>'.repeat(20000)} 文字`],
    ['quotes just too deep on one line', `${'>'.repeat(33)} 文字`],
    ['list markers on one line', `${'- '.repeat(40)}文字`],
    ['lists nested over many lines', Array.from({ length: 60 }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n')],
    ['emphasis nested too deep', `${'*'.repeat(120)}文字${'*'.repeat(120)}`],
    ['several problems on several lines', `<b>粗</b>\n\n[点我](javascript:alert(1))\n\n![](https://evil.example/t.png)`],
  ])('%s', (_, body) => {
    const editor = expectSame(`第一段。\n\n${body}`);
    expect(editor.length).toBeGreaterThan(0);
  });

  it.each([
    ['plain text with emphasis and a table', '**加粗**和*强调*。\n\n| 项目 | 数量 |\n| --- | --- |\n| 讲座 | 3 |'],
    [
      'a photo beside the entry, by path and by reference',
      '![展板照片说明](./zhan-ban-zhao-pian.jpg)\n\n![展板照片说明][p]\n\n[p]: ./zhan-ban-zhao-pian.jpg',
    ],
    [
      'outside links, mail and phone links',
      '[禁毒网](https://www.nncc626.com/)、<https://example.gov.cn/> 和 [写信](mailto:office@example.gov.cn)',
    ],
    ['ordinary nesting', `${'>'.repeat(20)} 文字\n\n${Array.from({ length: 10 }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n')}`],
  ])('lets through %s, as the gate does', (_, body) => {
    expect(gateProblems(body)).toEqual([]);
    expect(editorSays(body)).toEqual([]);
  });
});

it('places only the body’s problems, at the body’s own lines, so the form can say where', () => {
  const checks = { settings: loadSettings(site.dir, {}), allow: [...loadAllowlist(site.dir).allow] };
  const problems = editorProblems('news', { ...FIELDS, title: '短标题' }, '第一段。\n\n<b>粗</b>', 'news/policy.md', checks, BUILD_DAY);
  expect(problems.map((p) => [p.field, p.line, p.message.slice(0, 12)])).toEqual([
    ['title', undefined, expect.stringContaining('太短')],
    [undefined, 3, expect.stringContaining('正文里不能写 HTML')],
  ]);
});

describe('what the editor leaves to the build', () => {
  it('does not look for files or pages: a missing image or link target is the build’s to report', () => {
    const body = '![展板照片说明](./no-such-photo.jpg)\n\n[往期](/news/no-such-page/)';
    expect(messages(gateProblems(body))).toEqual([
      expect.stringMatching(/^找不到图片 \.\/no-such-photo\.jpg/),
      expect.stringMatching(/^站内链接指向的页面不存在：\/news\/no-such-page\//),
    ]);
    expect(editorSays(body)).toEqual([]);
  });

  it('leaves a body past the browser parser’s budget to the build instead of freezing the page', () => {
    const body = `${'*'.repeat(30000)}文字${'*'.repeat(30000)}`;
    expect(editorSays(body)).toEqual([]);
    expect(messages(gateProblems(body))).toEqual([expect.stringMatching(/^正文嵌套太深/)]);
  });
});
