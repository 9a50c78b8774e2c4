import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDir, loadSettings, parseSettings } from '#/lib/site/settings.ts';
import { ContentProblemsError, type Problem } from '#/lib/gate/problem.ts';

const qionghai = readFileSync(new URL('../../content/site.yaml', import.meta.url), 'utf8');
/** The other city's settings: short, and every line known (see lineOf). */
const qinghe = readFileSync(new URL('../fixtures/other-city/site.yaml', import.meta.url), 'utf8');

function problemsOf(source: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseSettings(source, 'site.yaml', env);
  } catch (error) {
    if (error instanceof ContentProblemsError) return error.message;
    throw error;
  }
  throw new Error('expected settings to be rejected');
}

/** 1-based line of the first line of `source` that contains `needle`. */
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

let dir: string;
const GOV_MARK = new URL('../fixtures/other-city/dangzheng-biaoshi.png', import.meta.url);

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'settings-')), 'content');
  mkdirSync(dir);
  // The fixture's site.yaml names its 党政机关网站标识 image.
  copyFileSync(GOV_MARK, path.join(dir, 'dangzheng-biaoshi.png'));
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

/** Problems `loadSettings` reports for a content folder holding `source` as site.yaml. */
function loadProblems(source: string | Buffer = qinghe, env: NodeJS.ProcessEnv = {}): Problem[] {
  writeFileSync(path.join(dir, 'site.yaml'), source);
  try {
    loadSettings(dir, env);
  } catch (error) {
    if (!(error instanceof ContentProblemsError)) throw error;
    expect(error.stack).toBe('');
    return error.problems;
  }
  return [];
}

describe('site settings', () => {
  it('reads the Qionghai settings', () => {
    const s = parseSettings(qionghai, 'site.yaml', {});
    expect(s.name).toBe('琼海禁毒');
    expect(s.towns).toHaveLength(13);
    expect(s.timeZone).toBe('Asia/Shanghai');
    expect(s.hotlines[0]).toMatchObject({ number: '110', placeholder: false });
    expect(s.hotlines.some((h) => h.placeholder)).toBe(true);
    expect(s.footer.icp.placeholder).toBe(true);
  });

  it('lets SITE_URL override the production URL, without a trailing slash', () => {
    expect(parseSettings(qionghai, 'site.yaml', { SITE_URL: 'https://staging.example/' }).url).toBe('https://staging.example');
    expect(problemsOf(qionghai, { SITE_URL: 'not a url' })).toContain('SITE_URL');
    writeFileSync(path.join(dir, 'site.yaml'), qinghe);
    expect(loadSettings(dir, { SITE_URL: 'http://preview.example:8080/' }).url).toBe('http://preview.example:8080');
  });

  it('refuses colours that fail AA contrast on white', () => {
    const pale = qionghai.replace('primary: "#1f5f8b"', 'primary: "#99ccff"');
    expect(problemsOf(pale)).toContain('对比度');
  });

  it('names the missing field in Chinese', () => {
    const noTowns = qionghai.replace(/^towns:[\s\S]*?(?=^outlets:)/m, '');
    expect(problemsOf(noTowns)).toMatch(/site\.yaml:?\d* towns 缺少必填项/);
  });

  it('rejects unknown keys, at any depth, at their line', () => {
    expect(problemsOf(`${qionghai}\ncolour: red\n`)).toContain('不认识的字段“colour”');
    const nested = qinghe.replace('  hours: 工作日 9:00–17:00\n', '  hours: 工作日 9:00–17:00\n  fax: "0999-1234568"\n');
    expect(problemsOf(nested)).toContain(`site.yaml:${lineOf(nested, 'fax:')} contact.fax 不认识的字段“fax”`);
    const inList = qinghe.replace('    note: 工作日办公时间接听\n', '    note: 工作日办公时间接听\n    mobile: "0999-1"\n');
    expect(problemsOf(inList)).toContain(`site.yaml:${lineOf(inList, 'mobile:')} hotlines[1].mobile 不认识的字段“mobile”`);
  });

  it('finds the content folder from SITE_CONTENT_DIR', () => {
    expect(contentDir({ SITE_CONTENT_DIR: 'tests/fixtures/other-city' }, '/proj')).toBe('/proj/tests/fixtures/other-city');
    expect(contentDir({}, '/proj')).toBe('/proj/content');
  });
});

describe('nested fields are reported at their own line', () => {
  const third = `${qinghe.replace('hotlines:\n', 'hotlines:\n  - label: 青少年热线\n    number: "12355"\n')}`;
  it.each([
    ['hotlines[2].number', third.replace('number: 0999-1234567', 'number: 零九九九'), 'number: 零九九九'],
    ['hotlines[0].number', qinghe.replace('number: "110"', 'number: "110 转 2"'), 'number: "110 转 2"'],
    ['theme.primary', qinghe.replace('primary: "#2e6b3a"', 'primary: green'), 'primary: green'],
    ['footer.icp.value', qinghe.replace('value: 青ICP备12345678号', 'value: ""'), 'value: ""'],
    ['contact.email', qinghe.replace('contact:\n', 'contact:\n  email: not-an-email\n'), 'email: not-an-email'],
    ['towns[2]', qinghe.replace('  - 北山镇', '  - ""'), '  - ""'],
    ['timeZone', qinghe.replace('timeZone: Asia/Shanghai', 'timeZone: Mars/Olympus'), 'timeZone:'],
    ['url', qinghe.replace('url: https://jindu.qinghe.example', 'url: javascript:alert(1)'), 'url:'],
  ])('%s', (field, source, line) => {
    expect(problemsOf(source)).toContain(`site.yaml:${lineOf(source, line)} ${field} `);
  });

  it('in flow style too', () => {
    const hotlines = 'hotlines: [{ label: 报警电话, number: "110" },\n  { label: 县禁毒办, number: "0999 1234567" }]\n';
    const flow = qinghe.replace(/^hotlines:[\s\S]*?(?=^contact:)/m, hotlines);
    expect(problemsOf(flow)).toContain(`site.yaml:${lineOf(flow, '0999 1234567')} hotlines[1].number`);
  });
});

describe('the words and kinds of place an office names for itself', () => {
  it("reads each office's own words", () => {
    expect(parseSettings(qionghai, 'site.yaml', {})).toMatchObject({ regionUnit: '市', officeShort: '市禁毒办', townLabel: '镇（区）' });
    const county = parseSettings(qinghe, 'site.yaml', {});
    expect(county).toMatchObject({ regionUnit: '县', officeShort: '县禁毒办', townLabel: '乡镇' });
    expect(county.baseKinds.map((k) => [k.name, k.slug])).toEqual([
      ['禁毒教育馆', 'guan'],
      ['村级禁毒宣传点', 'cun-dian'],
    ]);
  });

  it.each([
    ['regionUnit', /^regionUnit: .*\n/m, 'regionUnit 缺少必填项“地区称谓”，请添加一行，如 regionUnit: 县'],
    ['officeShort', /^officeShort: .*\n/m, 'officeShort 缺少必填项“单位简称”，请添加一行，如 officeShort: 县禁毒办'],
    ['townLabel', /^townLabel: .*\n/m, 'townLabel 缺少必填项“乡镇一级的称呼”，请添加一行，如 townLabel: 乡镇'],
    [
      'baseKinds',
      /^baseKinds:[\s\S]*?(?=^outlets:)/m,
      'baseKinds 缺少必填项“基地类型”，请添加一行，如 baseKinds: [{ name: 禁毒宣传教育基地',
    ],
  ])('asks for %s when it is missing, in Chinese, with an example', (_, line, message) => {
    expect(problemsOf(qinghe.replace(line, ''))).toContain(message);
  });

  it('takes 市, 县, 区 or 旗 as the region word', () => {
    expect(parseSettings(qinghe.replace('regionUnit: 县', 'regionUnit: 旗'), 'site.yaml', {}).regionUnit).toBe('旗');
    const source = qinghe.replace('regionUnit: 县', 'regionUnit: 乡');
    expect(problemsOf(source)).toContain(`site.yaml:${lineOf(source, 'regionUnit:')} regionUnit 只能是以下之一：市、县、区、旗`);
  });

  it('refuses a base kind without a slug, with a Chinese slug, or twice', () => {
    const noSlug = qinghe.replace('    slug: guan\n', '');
    expect(problemsOf(noSlug)).toContain('baseKinds[0].slug 缺少必填项“网址片段”，请添加一行，如 slug: jiaoyu-jidi');
    const chinese = qinghe.replace('slug: guan', 'slug: 展馆');
    expect(problemsOf(chinese)).toContain(
      `site.yaml:${lineOf(chinese, 'slug: 展馆')} baseKinds[0].slug 只能用小写英文字母、数字和连字符（示例：jiaoyu-jidi）`,
    );
    const twice = qinghe.replace('name: 村级禁毒宣传点', 'name: 禁毒教育馆').replace('slug: cun-dian', 'slug: guan');
    const problems = problemsOf(twice);
    expect(problems).toContain('baseKinds[1].name “禁毒教育馆”重复了：每种基地类型的名称都要不同');
    expect(problems).toContain('baseKinds[1].slug “guan”重复了：每种基地类型的网址片段都要不同');
    expect(problemsOf(qinghe.replace(/^baseKinds:[\s\S]*?(?=^outlets:)/m, 'baseKinds: []\n'))).toContain('baseKinds ');
  });

  it('asks for a one-line description of each kind', () => {
    const long = qinghe.replace('description: 县里的禁毒教育展馆，学校和单位可以预约集体参观', `description: ${'很长的介绍'.repeat(13)}`);
    expect(problemsOf(long)).toContain('baseKinds[0].description 太长：最多 60 个字，现在 65 个字，请删减');
  });
});

describe('hotline numbers', () => {
  const withNumber = (n: string, placeholder = false) =>
    qinghe.replace('number: 0999-1234567', `number: ${n}${placeholder ? '\n    placeholder: true' : ''}`);

  it.each(['"110"', '"12355"', '0898-62842110', '400-123-4567', '"010-12345678"'])('accepts %s', (n) => {
    expect(() => parseSettings(withNumber(n), 'site.yaml', {})).not.toThrow();
  });

  const bad = ['"110 转 2"', '+86-898-62842110', '0898—62842110', 'tel:110', '"12"', '"0898--628"', '<b>110</b>', '"-110"'];
  it.each(bad)('refuses %s', (n) => {
    expect(problemsOf(withNumber(n))).toContain('电话号码只能由数字和连字符（-）组成');
  });

  it('lets a placeholder say in words that the number is not published yet', () => {
    expect(parseSettings(withNumber('待公布', true), 'site.yaml', {}).hotlines[1]!.number).toBe('待公布');
  });
});

describe('site.yaml is read as hostile input', () => {
  it('explains a missing content folder or settings file', () => {
    expect(() => loadSettings('/nonexistent-dir', {})).toThrow(/找不到内容文件夹/);
    expect(() => loadSettings(dir, {})).toThrow(/找不到网站设置文件/);
  });

  it('refuses a site.yaml that is a folder or a link, in Chinese', () => {
    mkdirSync(path.join(dir, 'site.yaml'));
    expect(() => loadSettings(dir, {})).toThrow(/网站设置文件 site\.yaml 不是一个文件/);
    rmSync(path.join(dir, 'site.yaml'), { recursive: true });
    const outside = path.join(path.dirname(dir), 'elsewhere.yaml');
    writeFileSync(outside, qinghe);
    symlinkSync(outside, path.join(dir, 'site.yaml'));
    expect(() => loadSettings(dir, {})).toThrow(/网站设置文件 site\.yaml 是一个符号链接/);
  });

  it('asks for UTF-8 when the file is in another encoding', () => {
    const gbk = Buffer.concat([Buffer.from(qinghe.slice(0, 20)), Buffer.from([0xc7, 0xe0, 0xba, 0xcc]), Buffer.from('\n')]);
    expect(loadProblems(gbk)[0]!.message).toContain('另存为');
    expect(loadProblems(Buffer.from([0xff, 0xfe, 0x6e, 0x00]))[0]!.message).toContain('UTF-8');
  });

  it('accepts a byte-order mark', () => {
    expect(loadProblems(`\uFEFF${qinghe}`)).toEqual([]);
  });

  it('refuses a file that is not a mapping, or is too large, without a stack trace', () => {
    expect(loadProblems('- a\n- b\n')[0]!.message).toContain('类型不对');
    expect(loadProblems('')[0]!.message).toContain('缺少必填项');
    expect(loadProblems(`${qinghe}#${'x'.repeat(300_000)}\n`)[0]!.message).toContain('太大');
  });
});

describe('personal data in site.yaml', () => {
  it.each([
    ['a hotline', qinghe.replace('number: 0999-1234567', 'number: 13876543210'), '13876543210'],
    ['the address', qinghe.replace('人民路 8 号', '人民路 8 号（联系人手机 138 7654 3210）'), '138 7654 3210'],
    ['a footer value', qinghe.replace('value: 青ICP备12345678号', 'value: 青ICP备12345678号 13876543210'), 'ICP备12345678号 1387'],
    ['a comment', `${qinghe}# 管理员：13876543210\n`, '# 管理员'],
  ])('is reported in %s, against site.yaml and its line, masked', (_, source, needle) => {
    const problems = loadProblems(source).filter((p) => p.message.includes('疑似个人信息'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: expect.stringMatching(/content\/site\.yaml$/), line: lineOf(source, needle) });
    expect(problems[0]!.message).not.toContain('13876543210');
  });

  it('is reported beside schema errors, not instead of them', () => {
    const source = qinghe.replace('number: 0999-1234567', 'number: 13876543210').replace('primary: "#2e6b3a"', 'primary: red');
    const messages = loadProblems(source)
      .map((p) => p.message)
      .join('\n');
    expect(messages).toContain('疑似个人信息');
    expect(messages).toContain('颜色应写成');
  });

  it('lets through a number the office declares public in the allowlist', () => {
    const source = qinghe.replace('number: 0999-1234567', 'number: "13876543210"');
    writeFileSync(path.join(dir, 'privacy-allowlist.yaml'), '- value: "13876543210"\n  reason: 县禁毒办公布的值班手机\n');
    expect(loadProblems(source)).toEqual([]);
  });
});

describe('logo in site.yaml', () => {
  const withLogo = (logo: string) => `${qinghe}logo: ${logo}\n`;
  const logoProblems = (logo: string) => {
    const source = withLogo(logo);
    const problems = loadProblems(source);
    for (const p of problems) expect(p).toMatchObject({ field: 'logo', line: lineOf(source, 'logo:') });
    return problems.map((p) => p.message).join('\n');
  };

  beforeEach(() => {
    writeFileSync(path.join(path.dirname(dir), 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
    writeFileSync(path.join(dir, 'logo.svg'), logo);
  });

  it('accepts an SVG inside the content folder', () => {
    expect(loadProblems(withLogo('logo.svg'))).toEqual([]);
    expect(loadProblems(withLogo('./logo.svg'))).toEqual([]);
  });

  it.each(['../secret.svg', './../secret.svg', '/etc/passwd', '../../../../proc/self/environ', 'news/../../secret.svg'])(
    'refuses %s as outside the folder',
    (logo) => expect(logoProblems(logo)).toContain('不在内容文件夹里'),
  );

  it('refuses a link, a folder, a missing file and a URL', () => {
    symlinkSync(path.join(path.dirname(dir), 'secret.svg'), path.join(dir, 'linked.svg'));
    mkdirSync(path.join(dir, 'folder.svg'));
    expect(logoProblems('linked.svg')).toContain('符号链接');
    expect(logoProblems('folder.svg')).toContain('不是一个文件');
    expect(logoProblems('missing.svg')).toContain('找不到标志图片 missing.svg');
    expect(logoProblems('https://example.com/logo.svg')).toContain('不能是网址');
    expect(logoProblems('""')).toContain('应填写内容文件夹里的图片文件名');
  });

  it('refuses a text file named .svg and an SVG with a script', () => {
    writeFileSync(path.join(dir, 'notes.svg'), 'PATH=/usr/bin\nHOME=/root\n');
    writeFileSync(path.join(dir, 'bad.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(logoProblems('notes.svg')).toContain('不是有效的 SVG、PNG、JPEG 或 WebP 图片');
    expect(logoProblems('bad.svg')).toContain('<script>');
  });
});

describe('footer links in site.yaml', () => {
  it('checks the 党政机关网站标识 image like the logo, at its own line', () => {
    const source = qinghe.replace('image: dangzheng-biaoshi.png', 'image: ../secret.png');
    const problems = loadProblems(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'footer.govMark.image', line: lineOf(source, 'image: ../secret.png') });
    expect(problems[0]!.message).toContain('党政机关网站标识图片');
  });

  it('takes only https addresses for the 标识 certificate and 我为政府网站找错', () => {
    expect(problemsOf(qinghe.replace('url: https://bszs', 'url: http://bszs'))).toContain('https://');
    expect(problemsOf(qinghe.replace('errorReport: https://', 'errorReport: javascript://'))).toContain('https://');
  });

  it('leaves both out when not set', () => {
    const bare = qinghe.replace(/ {2}govMark:\n.*\n.*\n/, '').replace(/ {2}errorReport: .*\n/, '');
    const s = parseSettings(bare, 'site.yaml', {});
    expect(s.footer.govMark).toBeUndefined();
    expect(s.footer.errorReport).toBeUndefined();
  });
});
