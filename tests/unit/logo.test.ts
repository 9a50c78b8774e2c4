/**
 * The logo named in site.yaml: only a real image from the content folder, an
 * SVG only when it holds nothing but drawing, and every logo redrawn as a PNG
 * without anything being fetched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentProblemsError } from '#/lib/gate/problem.ts';
import { LOGO_SIZE, logoPng, readLogo, svgProblem } from '#/lib/site/logo.ts';
import { loadGovMark, loadLogo, loadSettings } from '#/lib/site/settings.ts';

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (inner: string, attrs = 'viewBox="0 0 100 100"') => `<svg ${SVG_NS} ${attrs}>${inner}</svg>`;

/** A logo as drawing programs export it: declaration, comment, their own notes, gradient, internal references, CSS classes. */
const GOOD_SVG = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with a drawing program -->
<svg ${SVG_NS} xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
  xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:export-filename="C:\\Users\\office\\logo.png"
  width="200" height="100" viewBox="0 0 200 100">
  <metadata><rdf:RDF><cc:Work rdf:about=""/></rdf:RDF></metadata>
  <defs>
    <linearGradient id="g"><stop offset="0" stop-color="#c00"/><stop offset="1" stop-color="#00c"/></linearGradient>
    <clipPath id="clip"><rect width="200" height="100" rx="20"/></clipPath>
  </defs>
  <style><![CDATA[ .a { fill: url(#g); } ]]></style>
  <g clip-path="url(#clip)"><rect class="a" width="200" height="100"/></g>
  <circle id="dot" cx="50" cy="50" r="30" fill="#fff"/>
  <use xlink:href="#dot" x="100"/>
  <text x="10" y="95" font-size="8">禁毒 url(http://example.com) 文字</text>
</svg>`;

let base: string;
let dir: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'logo-'));
  dir = path.join(base, 'content');
  mkdirSync(dir);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const write = (name: string, data: string | Buffer) => writeFileSync(path.join(dir, name), data);
const red = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c00000' } });

describe('readLogo', () => {
  it('accepts an SVG as drawing programs export it, and raster logos by their bytes', async () => {
    write('logo.svg', GOOD_SVG);
    write('logo.png', await red(40, 20).png().toBuffer());
    write('logo.jpg', await red(40, 20).jpeg().toBuffer());
    write('logo.webp', await red(40, 20).webp().toBuffer());
    expect(readLogo(dir, 'logo.svg')).toMatchObject({ ok: true, kind: 'svg' });
    expect(readLogo(dir, './logo.png')).toMatchObject({ ok: true, kind: 'png' });
    expect(readLogo(dir, 'logo.jpg')).toMatchObject({ ok: true, kind: 'jpeg' });
    expect(readLogo(dir, 'logo.webp')).toMatchObject({ ok: true, kind: 'webp' });
  });

  it('judges the type by the bytes, not the name', async () => {
    write('environ.svg', 'PATH=/usr/bin\0HOME=/root\0');
    write('page.svg', '<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>');
    write('png.svg', await red(10, 10).png().toBuffer());
    write('text.png', 'not a picture');
    write('logo.gif', 'GIF89a');
    expect(readLogo(dir, 'environ.svg')).toMatchObject({
      ok: false,
      message: expect.stringContaining('不是有效的 SVG、PNG、JPEG 或 WebP'),
    });
    expect(readLogo(dir, 'page.svg')).toMatchObject({ ok: false, message: expect.stringContaining('最外层应为 <svg>') });
    expect(readLogo(dir, 'png.svg')).toMatchObject({ ok: false, message: expect.stringContaining('内容是 PNG 图片，与扩展名不符') });
    expect(readLogo(dir, 'text.png')).toMatchObject({ ok: false, message: expect.stringContaining('不是有效的') });
    expect(readLogo(dir, 'logo.gif')).toMatchObject({ ok: false, message: expect.stringContaining('.svg、.png、.jpg 或 .webp') });
  });

  it('refuses a file over 1 MB', () => {
    write('big.svg', svg(`<!-- ${'x'.repeat(1024 * 1024)} -->`));
    expect(readLogo(dir, 'big.svg')).toMatchObject({ ok: false, message: expect.stringContaining('太大') });
  });
});

describe('svgProblem', () => {
  it.each([
    ['a script', svg('<script>alert(1)</script>'), '<script>'],
    ['a script in another prefix', '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>', '<script>'],
    ['an onload handler', svg('', 'onload="alert(1)"'), '事件属性 onload'],
    ['a handler in capitals, deeper', svg('<g><rect ONCLICK="alert(1)" width="1" height="1"/></g>'), '事件属性 ONCLICK'],
    ['foreignObject', svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'), '<foreignObject>'],
    ['a remote image (href)', svg('<image href="https://evil.example/x.png" width="9" height="9"/>'), 'https://evil.example'],
    ['a remote image (xlink:href)', svg('<image xlink:href="http://evil.example/x.png" width="9" height="9"/>'), 'xlink:href'],
    ['a remote href spelt with character references', svg('<image href="&#104;ttps://evil.example/x.png"/>'), 'https://evil.example'],
    ['a data: image', svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), 'data:image'],
    ['a local file', svg('<image href="file:///etc/passwd"/>'), 'file:///etc/passwd'],
    ['a relative file', svg('<use href="other.svg#a"/>'), 'other.svg#a'],
    ['an empty href', svg('<use href=""/>'), 'href=""'],
    ['CSS url() in a style sheet', svg('<style>rect { fill: url("https://evil.example/p.svg#x") }</style>'), 'url(https://evil.example'],
    ['CSS url() in CDATA', svg('<style><![CDATA[ rect { background: URL(//evil.example/a.png) } ]]></style>'), 'url(//evil.example'],
    ['CSS url() in a style attribute', svg(`<rect style="fill: url( 'http://evil.example/y' )" width="1" height="1"/>`), 'style'],
    ['CSS url() in a presentation attribute', svg('<rect filter="url(http://evil.example/f.svg#f)" width="1" height="1"/>'), 'filter'],
    ['@import', svg('<style>@import "https://evil.example/a.css";</style>'), '@import'],
    ['a CSS escape', svg('<style>rect { fill: \\75rl(http://evil.example/a) }</style>'), '反斜杠'],
    ['image-set()', svg('<style>rect { fill: image-set("https://evil.example/a.png" 1x) }</style>'), '外部图片'],
    [
      'a DOCTYPE with an external entity',
      `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${svg('<text>&x;</text>')}`,
      '第 2 行有 DOCTYPE',
    ],
    [
      'a billion laughs',
      `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${svg('<text>&b;</text>')}`,
      'DOCTYPE',
    ],
    ['a style sheet processing instruction', `<?xml-stylesheet href="https://evil.example/a.css"?>${svg('')}`, 'xml-stylesheet'],
    ['an animation that sets a link', svg('<a><set attributeName="href" to="https://evil.example"/></a>'), '<set>'],
    ['an iframe-like embed', svg('<embed src="https://evil.example"/>'), '<embed>'],
  ])('refuses %s', (_, source, detail) => {
    const problem = svgProblem(Buffer.from(source));
    expect(problem).toContain('不能用作标志');
    expect(problem).toContain(detail);
  });

  it('refuses a <use> chain that multiplies (a use bomb) and a reference loop, before librsvg spends seconds on it', () => {
    let defs = '<rect id="l0" width="1" height="1"/>';
    for (let i = 1; i <= 10; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
    const started = performance.now();
    expect(svgProblem(Buffer.from(svg(`<defs>${defs}</defs><use href="#l10"/>`)))).toContain('展开后图形过多');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(svgProblem(Buffer.from(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>')))).toContain('循环引用');
    // A style sheet's reference may apply to every element: it counts once per element.
    const rects = '<rect width="1" height="1"/>'.repeat(20);
    const styled = `<style>rect { fill: url(#l6) }</style><defs>${defs.split('<g id="l7">')[0]}</defs>${rects}`;
    expect(svgProblem(Buffer.from(svg(styled)))).toContain('展开后图形过多');
  });

  it('refuses a declared size sharp could not draw, malformed XML, and another encoding', () => {
    expect(svgProblem(Buffer.from(svg('', 'width="100000000" height="10"')))).toContain('尺寸过大');
    expect(svgProblem(Buffer.from(svg('', 'viewBox="0 0 1e7 1e7"')))).toContain('尺寸过大');
    expect(svgProblem(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toContain('不是格式正确的 SVG');
    expect(svgProblem(Buffer.from(svg('<text>禁毒</text>'), 'utf16le'))).toContain('UTF-8');
  });

  it('accepts drawing with internal references only', () => {
    expect(svgProblem(Buffer.from(GOOD_SVG))).toBeUndefined();
  });
});

describe('logoPng', () => {
  it('draws an SVG into a square PNG of the logo size, keeping its shape', async () => {
    const png = await logoPng({ bytes: Buffer.from(GOOD_SVG), kind: 'svg' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([LOGO_SIZE, LOGO_SIZE]);
    // 200×100 in a square: the top and bottom quarters stay transparent, the middle is drawn.
    const alpha = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect(alpha(48, 5)).toBe(0);
    expect(alpha(48, 48)).toBe(255);
  });

  it('draws a raster logo to the same size, without its metadata', async () => {
    const jpeg = await red(400, 100)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Artist: 'someone' } } })
      .toBuffer();
    const png = await logoPng({ bytes: jpeg, kind: 'jpeg' });
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['png', LOGO_SIZE, LOGO_SIZE, undefined]);
  });

  it('never fetches or reads what an SVG refers to, even one the checks would refuse', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const local = path.join(base, 'red.png');
    writeFileSync(local, await red(100, 100).png().toBuffer());
    try {
      for (const href of [`http://127.0.0.1:${port}/x.png`, `file://${local}`, local, '../red.png']) {
        const png = await logoPng({ bytes: Buffer.from(svg(`<image href="${href}" width="100" height="100"/>`)), kind: 'svg' });
        const { data } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        expect(
          data.filter((_, i) => i % 4 === 3).some((a) => a > 0),
          href,
        ).toBe(false);
      }
    } finally {
      server.close();
    }
    expect(requests).toBe(0);
  });
});

describe('loadLogo', () => {
  // The fixture's site.yaml names its 党政机关网站标识 image too.
  beforeEach(() =>
    copyFileSync(new URL('../fixtures/other-city/dangzheng-biaoshi.png', import.meta.url), path.join(dir, 'dangzheng-biaoshi.png')),
  );

  it('draws the 党政机关网站标识 the same way, under its own name', async () => {
    write('site.yaml', readFileSync(new URL('../fixtures/other-city/site.yaml', import.meta.url), 'utf8'));
    const mark = await loadGovMark(dir, loadSettings(dir, {}));
    expect(mark!.name).toMatch(/^gov-mark-[0-9a-f]{12}$/);
    expect((await sharp(mark!.png).metadata()).width).toBe(LOGO_SIZE);
  });

  const settingsWith = (logo: string) => {
    const source = readFileSync(new URL('../fixtures/other-city/site.yaml', import.meta.url), 'utf8');
    write('site.yaml', `${source}logo: ${logo}\n`);
    return loadSettings(dir, {});
  };

  it('gives the drawn PNG, never the file, under a name that changes with its bytes', async () => {
    write('logo.svg', GOOD_SVG);
    const logo = await loadLogo(dir, settingsWith('logo.svg'));
    expect(logo!.name).toMatch(/^logo-[0-9a-f]{12}$/);
    expect((await sharp(logo!.png).metadata()).width).toBe(LOGO_SIZE);
    expect(logo!.png.toString('latin1')).not.toContain('<svg');
    write('logo.svg', GOOD_SVG.replace('#c00', '#0c0'));
    expect((await loadLogo(dir, loadSettings(dir, {})))!.name).not.toBe(logo!.name);
  });

  it('is undefined without a logo', async () => {
    const source = readFileSync(new URL('../fixtures/other-city/site.yaml', import.meta.url), 'utf8');
    write('site.yaml', source);
    expect(await loadLogo(dir, loadSettings(dir, {}))).toBeUndefined();
  });

  it('reports a file that only looks like an image, in Chinese, at the logo line', async () => {
    write('logo.png', await red(40, 20).png().toBuffer());
    const settings = settingsWith('logo.png');
    write('logo.png', (await red(40, 20).png().toBuffer()).subarray(0, 40));
    const error = await loadLogo(dir, settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentProblemsError);
    const [problem] = (error as ContentProblemsError).problems;
    expect(problem).toMatchObject({ field: 'logo', file: expect.stringMatching(/site\.yaml$/) });
    expect(problem!.line).toBe(readFileSync(path.join(dir, 'site.yaml'), 'utf8').split('\n').indexOf('logo: logo.png') + 1);
    expect(problem!.message).toContain('无法绘制');
  });
});
