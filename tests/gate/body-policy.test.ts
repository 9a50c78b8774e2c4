/**
 * The Markdown body policy on the parsed tree: every node that carries a URL
 * or text (references, definitions, autolinks, footnotes, titles), however the
 * URL is spelled, and the text the page will show, decoded, for personal data
 * and characters that disguise text.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { news, useTempSite } from '../helpers/temp-site.ts';

const site = useTempSite();
/** Body lines start at 9 in `news()`; the line under test is the third (line 11). */
const policy = (body: string) => site.write('news/policy.md', news({}, `第一段。\n\n${body}`));
const REMOTE = '不能引用其他网站的图片（会向第三方泄露读者的访问）。请把图片下载后放在文稿旁边，写成 ./图片.jpg';

describe('images from elsewhere', () => {
  it.each([
    ['a reference definition', '![现场照片说明][x]\n\n[x]: https://evil.example/t.png', 13],
    ['a reference definition, collapsed', '![现场照片说明][]\n\n[现场照片说明]: //evil.example/t.png', 13],
    ['a shortcut reference with a title', '![现场照片说明]\n\n[现场照片说明]: HTTP://evil.example/t.png "说明"', 13],
    ['no scheme, two slashes', '![现场照片说明](//evil.example/t.png)', 11],
    ['upper-case scheme', '![现场照片说明](HTTPS://evil.example/t.png)', 11],
    ['backslashes', '![现场照片说明](http:\\\\evil.example\\t.png)', 11],
    ['a slash and a backslash', '![现场照片说明](/\\evil.example/t.png)', 11],
    ['two backslashes', '![现场照片说明](\\\\\\\\evil.example\\t.png)', 11],
    ['an entity-encoded scheme', '![现场照片说明](&#104;ttps://evil.example/t.png)', 11],
    ['a percent-encoded scheme', '![现场照片说明](%68ttps://evil.example/t.png)', 11],
    ['ftp', '![现场照片说明](ftp://evil.example/t.png)', 11],
    ['file', '![现场照片说明](file:///etc/t.png)', 11],
    ['any other scheme', '![现场照片说明](x-app:t.png)', 11],
    ['a scheme and one slash', '![现场照片说明](https:/evil.example/t.png)', 11],
    ['an encoded host', '![现场照片说明](%2F%2Fevil.example/t.png)', 11],
    ['spaces inside angle brackets', '![现场照片说明](< https://evil.example/t.png>)', 11],
    ['a reference label in another case', '![现场照片说明][X  Y]\n\n[x y]: https://evil.example/t.png', 13],
    ['an image inside a link', '[![现场照片说明](https://evil.example/t.png)](/news/)', 11],
    ['an image in a list', '- ![现场照片说明](//evil.example/t.png)', 11],
    ['an image in a quote, by reference', '> ![现场照片说明][z]\n\n[Z]: HTTPS:evil.example/t.png', 13],
    ['an image in a table', '| 照片 |\n| --- |\n| ![现场照片说明](https://evil.example/t.png) |', 13],
    ['an image in a footnote', '正文[^1]\n\n[^1]: ![现场照片说明](https://evil.example/t.png)', 13],
  ])('refuses an image by %s', (_, body, line) => {
    policy(body);
    expect(site.report()).toContainEqual(`news/policy.md:${line} ${REMOTE}`);
  });

  it('refuses a dangerous image URL however it is encoded', () => {
    policy('![现场照片说明](%6Aavascript:alert(1))\n\n![现场照片说明][d]\n\n[d]: data:image/png;base64,AAAA');
    const lines = site.report();
    expect(lines).toContainEqual('news/policy.md:11 图片地址不安全：%6Aavascript:alert(1)（请改用文稿旁边的图片，写成 ./图片.jpg）');
    expect(lines).toContainEqual('news/policy.md:15 图片地址不安全：data:image/png;base64,AAAA（请改用文稿旁边的图片，写成 ./图片.jpg）');
  });

  it('still allows a photo beside the file, by path or by reference', () => {
    policy('![展板照片说明](./zhan-ban-zhao-pian.jpg)\n\n![展板照片说明][p]\n\n[p]: ./zhan-ban-zhao-pian.jpg "展板"');
    expect(site.report()).toEqual([]);
  });
});

describe('image files outside the content folder', () => {
  const outside = () => {
    mkdirSync(path.join(site.root, 'outside'), { recursive: true });
    writeFileSync(path.join(site.root, 'outside/x.png'), 'png');
  };

  it.each([['../../outside/x.png'], ['./../../../etc/x.png'], ['%2e%2e/%2e%2e/outside/x.png'], ['.%2E/..%2Foutside/x.png']])(
    'refuses %s',
    (url) => {
      outside();
      policy(`![外面的图片说明](${url})`);
      const lines = site.report();
      expect(lines).toContainEqual(expect.stringMatching(/^news\/policy\.md:11 (图片 .* 不在内容文件夹里|图片地址只能是文件名)/));
      expect(lines.filter((l) => l.startsWith('news/policy.md:11'))).toHaveLength(1);
    },
  );

  it('refuses a reference definition that leads out of the folder', () => {
    outside();
    policy('![外面的图片说明][o]\n\n[o]: ../../outside/x.png');
    expect(site.report()).toContainEqual(expect.stringMatching(/^news\/policy\.md:13 图片 \.\.\/\.\.\/outside\/x\.png 不在内容文件夹里/));
  });

  it('refuses a symbolic link beside the file', () => {
    outside();
    symlinkSync(path.join(site.root, 'outside/x.png'), path.join(site.dir, 'news/link.png'));
    policy('![链接的图片说明](./link.png)');
    expect(site.report()).toContainEqual(expect.stringMatching(/^news\/policy\.md:11 图片 \.\/link\.png 是一个符号链接/));
  });

  it('keeps a site-root image inside public/, judged like any other image', () => {
    site.write('../public/icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>\n');
    policy('![网站图标说明](/icon.svg)');
    expect(site.report()).toEqual([expect.stringMatching(/^news\/policy\.md:11 图片 \/icon\.svg 不能使用：SVG 矢量图不能用作图片/)]);
    policy('![项目文件说明](/%2e%2e/package.json)');
    expect(site.report()).toContainEqual(expect.stringMatching(/^news\/policy\.md:11 图片 \/%2e%2e\/package\.json 不在内容文件夹里/));
  });

  it('refuses a query, a fragment or a path without ./', () => {
    policy('![展板照片说明](./zhan-ban-zhao-pian.jpg?raw)\n\n![展板照片说明](zhan-ban-zhao-pian.jpg)');
    const lines = site.report();
    expect(lines).toContainEqual(
      'news/policy.md:11 图片地址只能是文件名，不能带 ?、#、% 编码或反斜杠：./zhan-ban-zhao-pian.jpg?raw（请写成 ./图片.jpg）',
    );
    expect(lines).toContainEqual('news/policy.md:13 图片路径应以 ./ 开头，指向与文稿同一文件夹里的图片，如 ./zhan-ban-zhao-pian.jpg');
  });
});

describe('links of every kind', () => {
  it.each([
    ['an autolink', '<javascript:alert(1)>'],
    ['a collapsed reference', '[点我][]\n\n[点我]: javascript:alert(1)'],
    ['a percent-encoded scheme', '[点我](javascript%3Aalert(1))'],
    ['a definition nobody uses', '[x]: vbscript:msgbox'],
  ])('refuses a dangerous URL in %s', (_, body) => {
    policy(body);
    expect(site.report()).toContainEqual(expect.stringMatching(/^news\/policy\.md:1\d 链接地址不安全/));
  });

  it('says a link without a scheme is not an address of this site', () => {
    policy('[别处](//evil.example/x)');
    expect(site.report()).toEqual([
      'news/policy.md:11 站内链接请用以 / 开头的网址，如 /news/文件名/；外部网站请写完整的 https:// 地址（现在是：//evil.example/x）',
    ]);
  });

  it('reports a broken percent encoding instead of crashing', () => {
    policy('[坏链接](/news/%E4%/)\n\n![坏图片说明](./%E4%.jpg)');
    const lines = site.report();
    expect(lines).toContainEqual(expect.stringMatching(/^news\/policy\.md:11 站内链接指向的页面不存在：\/news\/%E4%\//));
    expect(lines).toContainEqual('news/policy.md:13 图片地址只能是文件名，不能带 ?、#、% 编码或反斜杠：./%E4%.jpg（请写成 ./图片.jpg）');
  });
});

describe('personal data the page shows or carries', () => {
  const mobile = /疑似个人信息（手机号：/;
  const expectMobileAt = (line: number) => {
    const lines = site.report();
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^news/policy\\.md:${line} ${mobile.source}`)));
    expect(lines.join('\n')).not.toContain('13876543210');
  };

  it.each([
    ['a tel: link and its title, written with entities', '[联系我们](tel:&#49;3876543210 "&#49;38 7654 3210")'],
    ['a percent-encoded tel: link', '[联系我们](tel:%31%33%38%37%36%35%34%33%32%31%30)'],
    ['a mailto: link', '[写信](mailto:&#49;3876543210@example.com)'],
    ['a link title only', '[办公室](/ "联系人 1&#51;876543210")'],
    ['text written with entities', '联系电话：&#49;38 7654 3210'],
    ['a number split by emphasis', '联系电话：138**7654**3210'],
    ['inline code', '联系电话：`138 7654` `3210`'],
    ['an image alt text', '![现场照片 &#49;3876543210 说明](./zhan-ban-zhao-pian.jpg)'],
    ['an image title', '![现场照片说明](./zhan-ban-zhao-pian.jpg "&#49;3876543210")'],
  ])('finds a mobile number in %s', (_, body) => {
    policy(body);
    expectMobileAt(11);
  });

  it('finds a mobile number in a table cell, at its row', () => {
    policy('| 联系 | 电话 |\n| --- | --- |\n| 张某 | &#49;3876543210 |');
    expectMobileAt(13);
  });

  it("finds a number in a code block's language, which lands in a class name", () => {
    policy('```&#49;3876543210\n代码\n```');
    expectMobileAt(11);
  });

  it('finds a number in a footnote and in a definition title, at their lines', () => {
    policy('正文[^1]\n\n[^1]: 联系 &#49;3876543210\n\n[a]: /news/ "&#49;3876543210"');
    const lines = site.report();
    expect(lines).toContainEqual(expect.stringMatching(/^news\/policy\.md:13 疑似个人信息（手机号：/));
    expect(lines).toContainEqual(expect.stringMatching(/^news\/policy\.md:15 疑似个人信息（手机号：/));
  });

  it('finds a number hidden by a YAML escape in the frontmatter', () => {
    site.write('news/policy.md', news({ summary: '"城关镇设点宣传禁毒知识，联系电话\\x31\\x33876543210。"' }));
    expect(site.report()).toEqual([expect.stringMatching(/^news\/policy\.md:6 疑似个人信息（手机号：/)]);
  });

  it('adds nothing to what the raw file shows, even where the tree sees another line', () => {
    policy('[联系我们](/news/\n"13876543210")');
    const lines = site.report();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => /^news\/policy\.md:12 疑似个人信息（手机号：/.test(l))).toBe(true);
  });
});

describe('characters that disguise text', () => {
  it.each([
    ['a right-to-left override', '文件 \u202Egpj.exe', 'U+202E'],
    ['a left-to-right isolate', '文字\u2066倒转\u2069', 'U+2066'],
    ['a right-to-left mark', '文字\u200F', 'U+200F'],
    ['an Arabic letter mark', '文字\u061C', 'U+061C'],
    ['an override in a link address', '[下载](/news/\u202Etxt.exe)', 'U+202E'],
  ])('refuses %s', (_, body, code) => {
    policy(body);
    expect(site.report()).toContainEqual(
      expect.stringMatching(new RegExp(`^news/policy\\.md:11 正文里有不允许的字符 ${code.replace('+', '\\+')}（`)),
    );
  });

  it('refuses an override written as an entity, at the line of its block', () => {
    policy('文字&#x202E;倒转');
    expect(site.report()).toEqual([
      'news/policy.md:11 正文里有不允许的字符 U+202E（从右到左覆盖符，会改变文字的显示方向），它能让文字或链接看起来和实际不同：请删掉这一段里的这个字符，重新输入文字',
    ]);
  });
});

describe('bodies nested too deep to walk', () => {
  const TOO_DEEP = '正文嵌套太深（引用、列表或强调套了 50 层以上），网页无法正常显示：请把这一段改成普通段落';

  const LINE_TOO_DEEP = '这一行的引用（>）或列表（- 、1. ）嵌套超过 32 层，网站无法正常生成：请删掉多余的 > 或 - 符号';

  it.each([
    ['quotes', `${'>'.repeat(20000)} 文字`, 11],
    ['quotes, just too deep', `${'>'.repeat(33)} 文字`, 11],
    ['list markers', `${'- '.repeat(40)}文字`, 11],
  ])('refuses %s opened on one line before parsing them', (_, body, line) => {
    policy(body);
    expect(site.report()).toEqual([`news/policy.md:${line} ${LINE_TOO_DEEP}`]);
  });

  it.each([
    ['lists', Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n'), 34],
    ['emphasis', `${'*'.repeat(30000)}文字${'*'.repeat(30000)}`, 11],
  ])('refuses nested %s once, without crashing', (_, body, line) => {
    policy(body);
    expect(site.report()).toEqual([`news/policy.md:${line} ${TOO_DEEP}`]);
  });

  it('allows ordinary nesting', () => {
    policy(`${'>'.repeat(20)} 文字\n\n${Array.from({ length: 10 }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n')}`);
    expect(site.report()).toEqual([]);
  });
});
