/**
 * Image files at the content gate, judged by their bytes: hostile files made
 * here (with sharp or by hand) beside a copy of the other-city fixture, used
 * as a body image or a cover, must each come back as a Chinese message naming
 * the file and the line that uses it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { formatProblem } from '#/lib/gate/problem.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { pngChunk } from '../helpers/image-bytes.ts';

const FIXTURE = path.resolve('tests/fixtures/other-city');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gate-images-'));
  mkdirSync(path.join(dir, 'site'));
  cpSync(FIXTURE, path.join(dir, 'site'), { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes under the temp folder: `site/…` is the content folder, `outside/…` is beside it. */
function write(relative: string, bytes: string | Uint8Array) {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

function report(publicDir = path.join(dir, 'public')): string[] {
  const site = path.join(dir, 'site');
  const env = { ...process.env, SITE_CACHE_DIR: path.join(dir, 'cache') };
  const { problems } = checkContent(site, loadSettings(site, {}), { publicDir, env });
  return problems.map((p) => formatProblem({ ...p, file: path.relative(site, path.resolve(p.file)) }));
}

const news = (extra = '', body = '正文。') =>
  [
    '---',
    'title: 城关镇开展禁毒宣传活动',
    'date: "2025-04-01"',
    'category: 宣传教育',
    'outlets: [本站]',
    'summary: 城关镇在集市上设点宣传禁毒知识，发放宣传资料。',
    ...(extra ? [extra] : []),
    '---',
    '',
    body,
    '',
  ].join('\n');

/** A Markdown file using `src` as its only body image, on line 11. */
const bodyImage = (src: string) => news('', `第一段。\n\n![现场照片说明文字](${src})`);
/** A Markdown file using `src` as its cover, the src on line 8. */
const cover = (src: string) => news(`cover:\n  src: ${src}\n  alt: 学生参观禁毒展板`);

const png = (width: number, height: number, colour = '#3c6') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

/** A noisy photo, so that a cut file loses real image data. */
async function photo(): Promise<Buffer> {
  const raw = Buffer.from(Array.from({ length: 160 * 120 * 3 }, (_, i) => (i * 7919) % 251));
  return sharp(raw, { raw: { width: 160, height: 120, channels: 3 } })
    .jpeg()
    .toBuffer();
}

/** A grey PNG of `width`×`height` whose rows are deflated from `rows` rows of zeros (all of them: a real bomb). */
function bombPng(width: number, height: number, rows = height): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey)
  const data = deflateSync(Buffer.alloc((width + 1) * rows), { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', data), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Three frames of 20×20, as sharp writes an animation. */
async function animation(format: 'webp' | 'gif'): Promise<Buffer> {
  const raw = Buffer.alloc(20 * 60 * 4);
  for (let i = 0; i < raw.length; i += 4) raw.set([Math.floor(i / 1600) * 100, 0, 0, 255], i);
  const frames = sharp(raw, { raw: { width: 20, height: 60, channels: 4, pageHeight: 20 } });
  const timing = { loop: 0, delay: [100, 100, 100] };
  return format === 'webp' ? frames.webp(timing).toBuffer() : frames.gif(timing).toBuffer();
}

/** An ISO media file header with the given brands, as an iPhone's HEIC (or an AVIF) starts. */
function isoFile(major: string, ...compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'));
  return Buffer.concat([box, Buffer.alloc(200, 7)]);
}

const SVG_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';

let jpeg: Buffer;
let cut: Buffer;
beforeAll(async () => {
  jpeg = await photo();
  cut = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
});

describe('image files are judged by their bytes', () => {
  it('accepts a JPEG, PNG, WebP, AVIF and a still GIF, as body images and as covers', async () => {
    const small = await png(40, 30);
    write('site/news/a.jpg', jpeg);
    write('site/news/b.png', small);
    write('site/news/c.webp', await sharp(small).webp().toBuffer());
    write('site/news/d.avif', await sharp(small).avif().toBuffer());
    write('site/news/e.gif', await sharp(small).gif().toBuffer());
    write('site/news/f.JPEG', jpeg);
    for (const [i, name] of ['a.jpg', 'b.png', 'c.webp', 'd.avif', 'e.gif', 'f.JPEG'].entries()) {
      write(`site/news/body-${i}.md`, bodyImage(`./${name}`));
      write(`site/news/cover-${i}.md`, cover(`./${name}`));
    }
    expect(report()).toEqual([]);
  });

  it.each([
    ['an SVG with a script', 'evil.svg', SVG_SCRIPT],
    ['an SVG with an XML declaration and a BOM', 'logo.svg', `\ufeff<?xml version="1.0"?>\n<!-- drawn by hand -->\n${SVG_SCRIPT}`],
    ['an SVG without any script', 'plain.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>'],
    ['an SVG named .png', 'disguised.png', SVG_SCRIPT],
  ])('refuses %s as a body image and as a cover, and the file itself', (_, name, text) => {
    write(`site/news/${name}`, text);
    write('site/news/body.md', bodyImage(`./${name}`));
    write('site/news/cover.md', cover(`./${name}`));
    const svg = 'SVG 矢量图不能用作图片（SVG 里可以藏有脚本，会在本站网址下运行）：请用绘图软件另存为 PNG 或 JPG 后再提交';
    expect(report()).toEqual([
      `news/cover.md:8 cover.src 图片 ./${name} 不能使用：${svg}`,
      `news/${name} ${svg}`,
      `news/body.md:11 图片 ./${name} 不能使用：${svg}`,
    ]);
  });

  it.each([
    ['a JPEG cut short', 'cut.jpg', () => cut],
    ['a JPEG cut to its headers', 'head.jpg', () => jpeg.subarray(0, 700)],
    ['a PNG without its end', 'cut.png', () => bombPng(64, 64).subarray(0, 60)],
  ])('refuses %s, which sharp would otherwise re-encode silently', (_, name, bytes) => {
    write(`site/news/${name}`, bytes());
    write('site/news/body.md', bodyImage(`./${name}`));
    const broken = '图片文件不完整或已损坏（可能没有传完，或保存时出错）：请重新导出或重新复制这张图片后再提交';
    expect(report()).toEqual([`news/${name} ${broken}`, `news/body.md:11 图片 ./${name} 不能使用：${broken}`]);
  });

  it.each([
    ['text named .jpg', 'note.jpg', '这是一段说明文字，不是照片。', '这个文件里是文字，不是图片'],
    ['a web page named .png', 'page.png', '<!doctype html><p>hello</p>', '这个文件里是文字，不是图片'],
    ['random bytes named .jpg', 'noise.jpg', Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 9]), '无法识别这个图片文件'],
    ['an empty file', 'empty.png', '', '图片文件是空的（0 字节）'],
    ['a PDF named .jpg', 'scan.jpg', '%PDF-1.7\n%âãÏÓ\n', '这是 PDF 文件，不是图片'],
    [
      'an iPhone HEIC named .jpg',
      'iphone.jpg',
      isoFile('heic', 'mif1', 'heic'),
      '这是苹果手机的 HEIC 格式照片，网站不能处理：请导出为 JPG',
    ],
    ['an iPhone HEIC', 'IMG_0001.HEIC', isoFile('mif1', 'mif1', 'heic'), '这是苹果手机的 HEIC 格式照片'],
    ['a HEIF with only the image brand', 'photo.heif', isoFile('mif1', 'mif1'), '这是苹果手机的 HEIC 格式照片'],
    ['a HEIC with no other brand', 'burst.jpg', isoFile('heix'), '这是苹果手机的 HEIC 格式照片'],
    ['a video named .jpg', 'clip.jpg', isoFile('isom', 'isom', 'mp41'), '无法识别这个图片文件'],
  ])('refuses %s, naming what it really is', (_, name, bytes, message) => {
    write(`site/news/${name}`, bytes);
    write('site/news/body.md', bodyImage(`./${name}`));
    const lines = report();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^news/${name.replace('.', '\\.')} ${message}`));
    expect(lines[1]).toMatch(new RegExp(`^news/body\\.md:11 图片 \\./${name.replace('.', '\\.')} 不能使用：${message}`));
  });

  it.each([
    ['a PNG named .jpg', 'photo.jpg', () => png(30, 20), 'PNG', '.jpg', 'photo.png'],
    ['a JPEG named .png', 'shot.png', () => jpeg, 'JPG', '.png', 'shot.jpg'],
    ['a WebP named .jpeg', 'pic.jpeg', async () => sharp(jpeg).webp().toBuffer(), 'WebP', '.jpeg', 'pic.webp'],
    ['a GIF named .webp', 'anim.webp', async () => sharp(jpeg).gif().toBuffer(), 'GIF', '.webp', 'anim.gif'],
  ])('refuses %s with the name it should have', async (_, name, bytes, kind, extension, renamed) => {
    write(`site/news/${name}`, await bytes());
    write('site/news/cover.md', cover(`./${name}`));
    const hint = `这个文件实际上是 ${kind} 图片，扩展名却是“${extension}”：请把文件改名为 ${renamed}，并修改文稿里引用它的地方`;
    expect(report().sort()).toEqual([`news/${name} ${hint}`, `news/cover.md:8 cover.src 图片 ./${name} 不能使用：${hint}`].sort());
  });

  it('refuses decompression bombs by their size in pixels, quickly', () => {
    write('site/news/bomb.png', bombPng(10_000, 10_000)); // 100 MB of pixels in about 100 KB
    write('site/news/huge.png', bombPng(30_000, 30_000, 10)); // 900 million pixels announced
    write('site/news/body.md', bodyImage('./bomb.png'));
    write('site/news/cover.md', cover('./huge.png'));
    const started = performance.now();
    const lines = report();
    expect(performance.now() - started).toBeLessThan(5_000);
    const tooBig = (w: number, h: number) => `图片尺寸过大（${w}×${h} 像素），不能超过 5000 万像素：请缩小后再提交`;
    expect(lines).toEqual([
      expect.stringContaining(`news/bomb.png ${tooBig(10_000, 10_000)}`),
      expect.stringContaining(`news/cover.md:8 cover.src 图片 ./huge.png 不能使用：${tooBig(30_000, 30_000)}`),
      expect.stringContaining(`news/huge.png ${tooBig(30_000, 30_000)}`),
      expect.stringContaining(`news/body.md:11 图片 ./bomb.png 不能使用：${tooBig(10_000, 10_000)}`),
    ]);
  });

  it.each(['webp', 'gif'] as const)('refuses an animated %s, which would be published frame by frame', async (format) => {
    write(`site/news/moving.${format}`, await animation(format));
    write('site/news/body.md', bodyImage(`./moving.${format}`));
    const animated = '这是一张动图（共 3 帧），网站只发布静止的图片：请选一帧另存为 PNG 或 JPG';
    expect(report()).toEqual([`news/moving.${format} ${animated}`, `news/body.md:11 图片 ./moving.${format} 不能使用：${animated}`]);
  });
});

describe('images that passed are remembered', () => {
  it('across checks, by their bytes, and only after a check where every image passed', async () => {
    const cache = path.join(dir, 'cache/content-gate/images.json');
    write('site/news/a.png', await png(30, 20));
    write('site/news/body.md', bodyImage('./a.png'));
    expect(report()).toEqual([]);
    const remembered = JSON.parse(readFileSync(cache, 'utf8')) as string[];
    expect(remembered).toHaveLength(2); // the fixture's photo and a.png
    expect(report()).toEqual([]);
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toEqual(remembered);

    write('site/news/b.jpg', cut);
    expect(report()).toEqual([expect.stringMatching(/^news\/b\.jpg 图片文件不完整或已损坏/)]);
    expect(report()).toHaveLength(1); // a refused image is never remembered as passing
    expect(JSON.parse(readFileSync(cache, 'utf8'))).toEqual(remembered);
  });
});

describe('image paths stay inside the content folder', () => {
  it.each([
    ['a body image', bodyImage, 'news/x.md:11 '],
    ['a cover', cover, 'news/x.md:8 cover.src '],
  ])('refuses %s outside the content folder, even when the file is a good photo', async (_, use, where) => {
    write('outside/x.png', await png(30, 20));
    write('site/x.png', await png(30, 20)); // inside the content folder, but not where ../../ leads
    for (const src of [
      '../../outside/x.png',
      './../../outside/x.png',
      '../../../../../../outside/x.png',
      './../news/../../../outside/x.png',
    ]) {
      write('site/news/x.md', use(src));
      expect(report()).toEqual([`${where}图片 ${src} 不在内容文件夹里：只能使用内容文件夹里的文件，请把它复制到文稿旁边，写成 ./文件名`]);
    }
    write('site/news/x.md', use('../x.png'));
    expect(report()).toEqual([]);
  });

  it('confines a body image written with percent-encoded dots', async () => {
    write('outside/x.png', await png(30, 20));
    write('site/news/x.md', bodyImage('%2e%2e/%2E%2E/outside/x.png'));
    expect(report()).toEqual([
      'news/x.md:11 图片 %2e%2e/%2E%2E/outside/x.png 不在内容文件夹里：只能使用内容文件夹里的文件，请把它复制到文稿旁边，写成 ./文件名',
    ]);
  });

  it('judges and confines images from public/ the same way, and copes without a public/ folder', async () => {
    write('public/logo.svg', SVG_SCRIPT);
    write('public/ok.png', await png(30, 20));
    write('outside/x.png', await png(30, 20));
    write(
      'site/news/body.md',
      news('', '![本站标志图片说明](/logo.svg)\n\n![正常的图片说明](/ok.png)\n\n![外部的图片说明](/../outside/x.png)'),
    );
    expect(report()).toEqual([
      expect.stringMatching(/^news\/body\.md:9 图片 \/logo\.svg 不能使用：SVG 矢量图不能用作图片/),
      'news/body.md:13 图片 /../outside/x.png 不在内容文件夹里：只能使用内容文件夹里的文件，请把它复制到文稿旁边，写成 ./文件名',
    ]);
    expect(report(path.join(dir, 'no-such-folder'))).toEqual([
      'news/body.md:9 找不到图片 /logo.svg（请检查文件名和大小写）',
      'news/body.md:11 找不到图片 /ok.png（请检查文件名和大小写）',
      'news/body.md:13 找不到图片 /../outside/x.png（请检查文件名和大小写）',
    ]);
  });

  it('refuses a pipe named like a photo without opening it, so the check cannot hang', () => {
    execFileSync('mkfifo', [path.join(dir, 'site/news/pipe.jpg')]);
    write('site/news/body.md', bodyImage('./pipe.jpg'));
    const started = performance.now();
    expect(report()).toEqual([
      'news/pipe.jpg pipe.jpg 不是普通文件（可能是管道或设备文件）：内容文件夹里只能放文稿和图片，请删除它',
      'news/body.md:11 图片 ./pipe.jpg 不是一个文件（可能是文件夹），请写出具体的文件名',
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a symbolic link, as a file and wherever it is used, whatever it points to', () => {
    write('outside/secret.jpg', jpeg);
    write('site/news/real.jpg', jpeg);
    symlinkSync(path.join(dir, 'outside/secret.jpg'), path.join(dir, 'site/news/linked.jpg'));
    symlinkSync(path.join(dir, 'site/news/real.jpg'), path.join(dir, 'site/news/alias.jpg'));
    symlinkSync(path.join(dir, 'outside'), path.join(dir, 'site/news/photos'));
    write('site/news/body.md', bodyImage('./linked.jpg'));
    write('site/news/cover.md', cover('./alias.jpg'));
    write('site/news/folder.md', bodyImage('./photos/secret.jpg'));
    const link = (name: string) => `图片 ${name} 是一个符号链接（快捷方式）：内容文件夹里不能使用链接，请放入真正的文件`;
    expect(report()).toEqual([
      // Walking the folder: every link is refused where it is, a linked folder without being entered.
      `news/alias.jpg ${link('alias.jpg')}`,
      `news/linked.jpg ${link('linked.jpg')}`,
      `news/photos ${link('photos').replace('图片', '文件')}`,
      `news/cover.md:8 cover.src ${link('./alias.jpg')}`,
      `news/body.md:11 ${link('./linked.jpg')}`,
      `news/folder.md:11 ${link('./photos/secret.jpg')}`,
    ]);
  });
});
