/**
 * Files that are not what they seem: links out of the folder, pipes, loops,
 * other encodings, control characters, huge files, a frontmatter Astro would
 * end earlier than the gate. Each is refused with a Chinese message naming the
 * file, and every other file is still checked.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { news, useTempSite } from '../helpers/temp-site.ts';

const site = useTempSite();
const { write } = site;

/** What the gate says about one file (relative to the content folder). */
const about = (file: string) => site.report().filter((line) => line.startsWith(`${file}:`) || line.startsWith(`${file} `));

describe('links and special files are never followed', () => {
  it('refuses a link to a file outside the folder, to a file inside, and to a folder, without reading through them', () => {
    write('../outside/secret.md', news({ title: '外面的秘密文件' }));
    mkdirSync(path.join(site.root, 'outside/folder'), { recursive: true });
    symlinkSync(path.join(site.root, 'outside/secret.md'), path.join(site.dir, 'news/2025-04-01-out.md'));
    symlinkSync(path.join(site.dir, 'news/2025-05-10-chengguan-jindu-zhan-lan.md'), path.join(site.dir, 'news/2025-04-02-in.md'));
    symlinkSync(path.join(site.root, 'outside/folder'), path.join(site.dir, 'news/more'));
    symlinkSync('/etc/passwd', path.join(site.dir, 'letters/passwd.md'));
    const check = site.check();
    const report = site.report();
    for (const [file, role] of [
      ['news/2025-04-01-out.md', '文稿'],
      ['news/2025-04-02-in.md', '文稿'],
      ['news/more', '文件'],
      ['letters/passwd.md', '文稿'],
    ]) {
      expect(report).toContain(
        `${file} ${role} ${path.basename(file!)} 是一个符号链接（快捷方式）：内容文件夹里不能使用链接，请放入真正的文件`,
      );
    }
    expect(check.entries.map((e) => e.id)).not.toContain('2025-04-01-out');
    expect(JSON.stringify(check)).not.toContain('外面的秘密文件');
    expect(JSON.stringify(check)).not.toContain('root:x:0');
  });

  it('ends a link loop and a chain of links at once, with a message instead of ELOOP', () => {
    symlinkSync('.', path.join(site.dir, 'news/loop'));
    symlinkSync(path.join(site.dir, 'news/b'), path.join(site.dir, 'news/a'));
    symlinkSync(path.join(site.dir, 'news/a'), path.join(site.dir, 'news/b'));
    const report = site.report();
    expect(report).toContain('news/loop 文件 loop 是一个符号链接（快捷方式）：内容文件夹里不能使用链接，请放入真正的文件');
    expect(report).toContain('news/a 文件 a 是一个符号链接（快捷方式）：内容文件夹里不能使用链接，请放入真正的文件');
  });

  it('refuses a pipe named like a Markdown file or site.yaml without opening it, so the check cannot hang', () => {
    execFileSync('mkfifo', [path.join(site.dir, 'news/2025-04-01-pipe.md'), path.join(site.dir, 'privacy-allowlist.yaml')]);
    const started = performance.now();
    const report = site.report();
    expect(report).toContain(
      'news/2025-04-01-pipe.md 2025-04-01-pipe.md 不是普通文件（可能是管道或设备文件）：内容文件夹里只能放文稿和图片，请删除它',
    );
    expect(report).toContain('privacy-allowlist.yaml 放行清单 privacy-allowlist.yaml 不是一个文件（可能是文件夹），请写出具体的文件名');
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('refuses a folder named like a file and a folder nested too deep', () => {
    mkdirSync(path.join(site.dir, 'privacy-allowlist.yaml'));
    write('news/a/b/c/d/e/f/2025-04-01-deep.md', news());
    const report = site.report();
    expect(report).toContain('privacy-allowlist.yaml 放行清单 privacy-allowlist.yaml 不是一个文件（可能是文件夹），请写出具体的文件名');
    expect(report).toContain('news/a/b/c/d/e/f 文件夹嵌套超过 6 层，请把文件放在栏目文件夹里');
  });

  it('says where a file would not be published: an unknown folder, a stray file at the top', () => {
    write('newz/2025-04-01-typo.md', news());
    write('notes.txt', '备忘');
    write('shared-photo.jpg', Buffer.from([0xff, 0xd8, 0xff])); // judged where it is used, like the logo
    const report = site.report();
    expect(report.some((l) => l.startsWith('newz/2025-04-01-typo.md 不认识的栏目文件夹 newz/'))).toBe(true);
    expect(report.some((l) => l.startsWith('notes.txt 内容文件夹的第一层只放'))).toBe(true);
    expect(report.some((l) => l.startsWith('shared-photo.jpg'))).toBe(false);
  });

  it('refuses a file name holding a direction override or a control character', () => {
    write('news/2025-04-01-a\u202Edm.jpg', Buffer.from('x'));
    write('news/2025-04-01-b\u0007.md', news());
    const report = site.report();
    expect(report.some((l) => l.includes('文件名里有不允许的字符 U+202E'))).toBe(true);
    expect(report.some((l) => l.includes('文件名里有不允许的字符 U+0007'))).toBe(true);
  });
});

describe('text files are UTF-8 text of a sane size', () => {
  const GBK_TITLE = Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2]); // 城关镇 in GBK

  it.each([
    ['GBK (Windows ANSI)', Buffer.concat([Buffer.from('---\ntitle: '), GBK_TITLE, Buffer.from('\n---\n')]), ':2 文件是 GBK（ANSI）编码'],
    [
      'UTF-16 with its byte-order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(news(), 'utf16le')]),
      ' 文件是 UTF-16（Unicode）编码',
    ],
    ['bytes of no encoding', Buffer.concat([Buffer.from(news()), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff])]), ':10 文件不是 UTF-8 编码'],
  ])('refuses a file saved as %s, at the first bad line', (_, bytes, said) => {
    write('news/2025-04-01-enc.md', bytes);
    expect(about('news/2025-04-01-enc.md')).toEqual([expect.stringContaining(`news/2025-04-01-enc.md${said}`)]);
  });

  it('accepts UTF-8 with a byte-order mark and Windows line ends', () => {
    write('news/2025-04-01-bom.md', '\uFEFF' + news({}, '第一段。\n\n第二段。').replaceAll('\n', '\r\n'));
    expect(about('news/2025-04-01-bom.md')).toEqual([]);
    expect(site.check().entries.find((e) => e.id === '2025-04-01-bom')?.data.title).toBe('城关镇开展禁毒宣传活动');
  });

  it.each([
    ['a NUL byte in the body', news({}, '正文\u0000。'), 9],
    ['a bell in a title', news({ title: '城关镇\u0007开展' }), 2],
    ['an escape sequence in a comment', news().replace('---\n', '---\n# \u001b[31m\n'), 2],
    ['DEL before a scheme in a link', news({}, '[链接](<\u007fjavascript:alert(1)>)'), 9],
  ])('refuses %s at its line, before any parser sees it', (_, text, line) => {
    write('news/2025-04-01-ctl.md', text);
    expect(about('news/2025-04-01-ctl.md')).toEqual([
      expect.stringMatching(new RegExp(`^news/2025-04-01-ctl\\.md:${line} 文件里有控制字符 U\\+00`)),
    ]);
  });

  it('refuses a file over 256 KB without reading it as text, and keeps checking the others', () => {
    write('news/2025-04-01-big.md', news({}, '很长的正文。'.repeat(50_000)));
    write('news/2025-04-02-bad.md', news({ date: '"2025-02-30"' }));
    const report = site.report();
    expect(report).toContainEqual(expect.stringMatching(/^news\/2025-04-01-big\.md 文稿太大（\d+ KB，上限 256 KB）/));
    expect(report).toContainEqual(expect.stringMatching(/^news\/2025-04-02-bad\.md:3 date 日期不存在/));
  });

  it('reads site.yaml under the same rules', () => {
    const yaml = path.join(site.dir, 'site.yaml');
    writeFileSync(yaml, Buffer.concat([Buffer.from('name: '), GBK_TITLE, Buffer.from('\n')]));
    expect(() => site.check()).toThrow(/site\.yaml:1 文件是 GBK（ANSI）编码/);
  });
});

describe('the frontmatter ends where Astro ends it', () => {
  it.each([
    ['a line starting with --- inside a block of text', 'summary: |\n  第一行\n---以下是第二行\n  第三行', 5],
    ['four dashes', 'summary: 概要\n----', 4],
    ['dashes followed by text', 'summary: 概要\n---note: x', 4],
  ])('refuses %s, with a Chinese message at that line', (_, inner, line) => {
    write('news/2025-04-01-fm.md', `---\ntitle: 城关镇开展禁毒宣传活动\n${inner}\ndate: "2025-04-01"\n---\n\n正文。\n`);
    expect(about('news/2025-04-01-fm.md')).toContainEqual(
      expect.stringMatching(new RegExp(`^news/2025-04-01-fm\\.md:${line} 这一行以 --- 开头，网站生成时会被当作信息区的结束`)),
    );
  });

  it.each([
    ['TOML (+++) instead of YAML', '+++\ntitle = "x"\n+++\n\n正文。\n'],
    ['blank lines before the first ---', '\n\n' + news()],
  ])('refuses %s, which Astro would read differently', (_, text) => {
    write('news/2025-04-01-fm.md', text);
    expect(about('news/2025-04-01-fm.md')).toContainEqual(expect.stringContaining('文件开头缺少以 --- 包围的信息区'));
  });

  it('accepts a closing line with trailing spaces, which Astro reads the same way', () => {
    write('news/2025-04-01-fm.md', news().replace(/\n---\n\n/, '\n---   \n\n'));
    expect(about('news/2025-04-01-fm.md')).toEqual([]);
  });
});

describe('bodies that would make the parser crawl', () => {
  it.each([
    ['quote markers', '>'.repeat(200_000)],
    ['spaced quote markers', '> '.repeat(100_000)],
    ['list markers', '- '.repeat(100_000)],
    ['numbered list markers', '1. '.repeat(60_000)],
    ['quotes and lists mixed', '> * '.repeat(40_000)],
  ])('refuses a line of %s nested past 32 levels before parsing it', (_, line) => {
    write('news/2025-04-01-deep.md', news({}, `第一段。\n\n${line}x`));
    const started = performance.now();
    expect(about('news/2025-04-01-deep.md')).toContainEqual(
      expect.stringMatching(/^news\/2025-04-01-deep\.md:11 这一行的引用（>）或列表（- 、1\. ）嵌套超过 32 层/),
    );
    // Parsed, each takes 5–20 s here; refused, well under one.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('accepts quotes and lists nested as deep as real text goes', () => {
    write('news/2025-04-01-nested.md', news({}, '> 引用\n> > 引用里的引用\n\n- 一级\n  - 二级\n    1. 三级'));
    expect(about('news/2025-04-01-nested.md')).toEqual([]);
  });
});

describe('random damage to a valid file', () => {
  /** A small seeded generator (mulberry32), so a failure can be replayed. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const TOKENS = [
    '---',
    '\n---\n',
    '>',
    '[',
    '](',
    ')',
    '<',
    '&#',
    '&#x202E;',
    '*',
    '**',
    '`',
    '```',
    '\u202E',
    '\u0000',
    ': ',
    '&a ',
    '*a',
    '!!js/function ',
    '%',
    '\r',
    '\t',
    '13812345678',
    '460002198506121235',
    '![a](',
    '[x]: ',
    'https://evil.example/x.png',
    '../../',
    '"',
    "'",
    '{',
    '}',
    '- ',
    '1. ',
    '|',
    '\\',
    '\n',
    '\n\n',
    '#',
    '城关镇',
    '\uFFFD',
    '\uD800',
    '"2025-02-30"',
  ];
  const BASE = news(
    { cover: '\n  src: ./zhan-ban-zhao-pian.jpg\n  alt: 城关镇禁毒展板现场照片' },
    '## 小标题\n\n正文第一段，[链接](/news/)。\n\n![展板现场的照片](./zhan-ban-zhao-pian.jpg)\n\n- 一项\n- 两项',
  );

  /** Values a hostile or careless frontmatter line may hold. */
  const VALUES = [
    '&a x',
    '*a',
    '<<: *a',
    '!!binary aGVsbG8=',
    '!!js/function "x"',
    '{',
    '[',
    '|',
    '>-',
    '? x',
    '"2025-02-30"',
    '2025-04-01',
    '"\u202E"',
    '"\x00"',
    'x'.repeat(5000),
    '"城关镇\u0007"',
    '[本站, *a]',
    '13812345678',
    '"460002198506121235"',
    '~',
    'null',
    '- a\n- b',
    '{a: 1, a: 2}',
    '"./../../outside/x.png"',
    'https://evil.example/x.png',
    '---',
    '...',
    '%YAML 1.1',
    '#',
  ];

  function damaged(next: () => number): string {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let text = BASE;
    if (next() < 0.4) {
      // A frontmatter value replaced, the rest of the file intact.
      const lines = text.split('\n');
      const at = 1 + Math.floor(next() * 8);
      lines[at] = `${lines[at]!.split(':')[0]}: ${pick(VALUES)}`;
      return lines.join('\n');
    }
    const edits = 1 + Math.floor(next() * 6);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(next() * (text.length + 1));
      const roll = next();
      if (roll < 0.55) text = text.slice(0, at) + pick(TOKENS) + text.slice(at);
      else if (roll < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12));
      else text = text.slice(0, at) + text.slice(at).split('\n').reverse().join('\n');
    }
    return text;
  }

  const PHOTO = readFileSync(path.resolve('tests/fixtures/other-city/news/zhan-ban-zhao-pian.jpg'));

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'never crashes and never lets a damaged file through unexplained (seed %i, 200 files)',
    (seed) => {
      const next = random(seed);
      const texts = new Map<string, string>();
      for (let i = 0; i < 200; i++) {
        const file = `news/2025-04-01-fuzz-${i}.md`;
        const text = damaged(next);
        texts.set(file, text);
        write(file, text);
      }
      write('news/zhan-ban-zhao-pian.jpg', PHOTO);
      const started = performance.now();
      const check = site.check();
      const lines = site.report();
      expect(performance.now() - started).toBeLessThan(30_000);
      expect(lines.filter((l) => l.includes('程序出错'))).toEqual([]);
      for (const line of lines) {
        // Every answer names a file of the site and says what is wrong in Chinese.
        expect(line).toMatch(/^(news|lectures|letters)\/[^ ]+ .*[\u4e00-\u9fff]/);
        expect(line).not.toMatch(/\n\s+at |TypeError|ReferenceError|YAMLException|undefined/);
      }
      const reported = new Set(lines.map((l) => l.split(/[: ]/)[0]));
      for (const [file, text] of texts) {
        if (reported.has(file)) continue;
        // A file that passed reads as a news item and carries nothing the gate exists to stop.
        const entry = check.entries.find((e) => e.valid && e.id === path.basename(file, '.md'));
        expect(entry?.data.title, file).toBeTruthy();
        for (const bad of ['460002198506121235', '13812345678', '\u202E', '\u0000']) expect(text, file).not.toContain(bad);
        expect(text, file).not.toMatch(/!\[[^\]]*\]\(\s*<?\s*https?:/);
      }
    },
  );
});
