/**
 * The output check on images as they would sit in dist/: each carrier of
 * metadata (EXIF, XMP, IPTC, PNG text and eXIf chunks) is refused in JPEG,
 * WebP, PNG, AVIF and GIF, an ICC profile is not, and an SVG that could run
 * script or fetch something is refused while a plain icon passes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faviconSvg } from '#/lib/site/favicon.ts';
import { imageMetadataProblems } from '#/lib/build/output-images.ts';
import { pngChunk } from '../helpers/image-bytes.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'output-images-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const XMP =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="19,15.1N"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

let plain: Buffer;
beforeAll(async () => {
  plain = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
});

/** Problems for one file placed at `name` under the output folder. */
async function check(name: string, bytes: string | Uint8Array): Promise<string[]> {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return (await imageMetadataProblems(dir)).map((p) => `${p.file} ${p.message}`);
}

/** `png` with one more chunk just before IEND, as an editor would add it. */
const withChunk = (png: Buffer, type: string, data: string) =>
  Buffer.concat([png.subarray(0, png.length - 12), pngChunk(type, Buffer.from(data, 'latin1')), png.subarray(png.length - 12)]);

/** A JPEG with an IPTC record in a Photoshop APP13 segment (sharp cannot write one). */
function withIptc(jpeg: Buffer): Buffer {
  const record = Buffer.from([0x1c, 0x02, 0x78, 0x00, 0x06, ...Buffer.from('Haikou')]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(record.length);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM'), Buffer.from([4, 4, 0, 0]), size, record]);
  const segment = Buffer.from([0xff, 0xed, 0, 0]);
  segment.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, payload, jpeg.subarray(2)]);
}

const carries = (file: string, what: string) => `${file} 图片带有 ${what} 信息（可能含拍摄地点、作者、设备等）。`;

describe('metadata in built images', () => {
  it('passes images without metadata, and one with only a colour profile', async () => {
    expect(await check('_astro/a.webp', await sharp(plain).webp().toBuffer())).toEqual([]);
    expect(await check('_astro/b.jpg', await sharp(plain).jpeg().toBuffer())).toEqual([]);
    expect(await check('c.png', plain)).toEqual([]);
    expect(await check('d.avif', await sharp(plain).avif().toBuffer())).toEqual([]);
    expect(await check('e.gif', await sharp(plain).gif().toBuffer())).toEqual([]);
    expect(await check('f.jpg', await sharp(plain).withIccProfile('srgb').jpeg().toBuffer())).toEqual([]);
  });

  it.each([
    [
      'JPEG with EXIF',
      'p.jpg',
      () =>
        sharp(plain)
          .withExif({ IFD0: { Copyright: '海口' } })
          .jpeg()
          .toBuffer(),
      'EXIF',
    ],
    ['JPEG with XMP', 'p.jpg', () => sharp(plain).withXmp(XMP).jpeg().toBuffer(), 'XMP'],
    ['WebP with XMP', '_astro/p.webp', () => sharp(plain).withXmp(XMP).webp().toBuffer(), 'XMP'],
    [
      'WebP with EXIF and XMP',
      'p.webp',
      () =>
        sharp(plain)
          .withExif({ IFD0: { Artist: 'x' } })
          .withXmp(XMP)
          .webp()
          .toBuffer(),
      'EXIF、XMP',
    ],
    ['AVIF with XMP', 'p.avif', () => sharp(plain).withXmp(XMP).avif().toBuffer(), 'XMP'],
    ['PNG with XMP (as sharp writes it: zTXt)', 'p.png', () => sharp(plain).withXmp(XMP).png().toBuffer(), 'XMP、PNG 文字（zTXt）'],
    [
      'PNG with an eXIf chunk',
      'p.png',
      () =>
        sharp(plain)
          .withExif({ IFD0: { Artist: 'x' } })
          .png()
          .toBuffer(),
      'EXIF',
    ],
    ['JPEG with IPTC', 'photos/p.jpeg', async () => withIptc(await sharp(plain).jpeg().toBuffer()), 'IPTC'],
    ['PNG with a tEXt chunk', 'p.png', async () => withChunk(plain, 'tEXt', 'Comment\0taken at 19.2N 110.4E'), 'PNG 文字（tEXt）'],
    ['PNG with an iTXt chunk', 'p.png', async () => withChunk(plain, 'iTXt', 'Author\0\0\0\0\0王小明'), 'PNG 文字（iTXt）'],
    ['PNG with a zTXt chunk', 'p.png', async () => withChunk(plain, 'zTXt', 'Location\0\0xyz'), 'PNG 文字（zTXt）'],
    ['GIF with an XMP packet', 'p.gif', async () => Buffer.concat([await sharp(plain).gif().toBuffer(), Buffer.from(XMP)]), 'XMP'],
  ])('refuses a %s', async (_, name, bytes, what) => {
    expect(await check(name, await bytes())).toEqual([expect.stringMatching(new RegExp(`^${carries(`/${name}`, what)}`))]);
  });

  it.each([
    ['text named .jpg', 'broken.jpg', async () => Buffer.from('not an image')],
    ['a JPEG cut to its first bytes', 'cut.jpg', async () => (await sharp(plain).jpeg().toBuffer()).subarray(0, 4)],
    [
      'a TIFF with EXIF, which sharp does not report',
      'p.tiff',
      () =>
        sharp(plain)
          .withExif({ IFD0: { Artist: 'x' } })
          .tiff()
          .toBuffer(),
    ],
    ['a HEIC header', 'IMG_1.heic', async () => Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1')],
  ])('refuses %s, since it cannot tell what it carries', async (_, name, bytes) => {
    expect(await check(name, await bytes())).toEqual([
      `/${name} 无法读取这张图片（或不是网页用的图片格式），不能确认它不含拍摄地点等信息：请换成 JPG 或 PNG`,
    ]);
  });

  it('skips what passed before, and still reads the rest', async () => {
    await check('a.jpg', await sharp(plain).withXmp(XMP).jpeg().toBuffer());
    await check('b.jpg', await sharp(plain).withXmp(XMP).jpeg().toBuffer());
    const problems = await imageMetadataProblems(dir, (file) => file.endsWith('a.jpg'));
    expect(problems.map((p) => p.file)).toEqual(['/b.jpg']);
  });
});

describe('SVG in the output', () => {
  it("passes the site's own icon and plain drawings with internal references", async () => {
    expect(await check('favicon.svg', faviconSvg('#2e6b3a'))).toEqual([]);
    const gradient =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"/></defs>' +
      '<rect fill="url(#g)" width="9" height="9"/><use xlink:href="#g"/></svg>';
    expect(await check('_astro/drawing.svg', gradient)).toEqual([]);
  });

  it.each([
    ['a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '脚本（script）'],
    ['a prefixed script', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>', '脚本（script）'],
    ['an event handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '事件代码（on… 属性）'],
    ['an event handler in capitals', '<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK = "x()"/></svg>', '事件代码（on… 属性）'],
    ['a foreign object', '<svg><foreignObject><iframe src="https://evil.example/"></iframe></foreignObject></svg>', '嵌入的网页或对象'],
    ['an external image', '<svg><image href="https://tracker.example/p.gif"/></svg>', '指向文件外部的链接'],
    ['an external use', '<svg><use xlink:href="/other.svg#x"/></svg>', '指向文件外部的链接'],
    ['an external style', '<svg><style>rect { fill: url(https://evil.example/x) }</style></svg>', '指向文件外部的样式地址（url）'],
    ['an entity', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', '实体定义（<!ENTITY）'],
    ['an animation to javascript:', '<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>', 'javascript: 地址'],
  ])('refuses an SVG with %s', async (_, text, danger) => {
    const [line, ...rest] = await check('_astro/x.svg', text);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^\/_astro\/x\.svg SVG 图片含有.*在本站网址下打开时可能运行或加载外部内容：请改用 PNG，或删去这些部分$/);
    expect(line).toContain(danger);
  });

  it('reads an SVG by its bytes, whatever it is named', async () => {
    expect(await check('logo.png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).toEqual([
      expect.stringContaining('/logo.png SVG 图片含有事件代码（on… 属性）'),
    ]);
  });
});
