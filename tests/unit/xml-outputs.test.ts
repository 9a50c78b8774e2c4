import { jsonForHtml } from '#/lib/formats/json-in-html.ts';
import { describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { SaxesParser } from 'saxes';
import { renderFeed, type FeedItem } from '#/lib/formats/feed.ts';
import { renderSitemap } from '#/lib/formats/sitemap.ts';
import { escapeXml, xmlChars } from '#/lib/formats/xml.ts';

/** Throws on anything that is not well-formed XML 1.0 (saxes checks every character). */
function wellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
}

/** Text a staff member might type, or paste from Word, or a hostile file might hold. */
const HOSTILE = [
  '<b>粗体</b>摘要',
  '甲 & 乙 &amp; 丙 &lt;b&gt; &#60;',
  '<![CDATA[ 注入 ]]> 以及 ]]> 单独出现',
  `"双引号" '单引号' “中文引号”`,
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '</description></item><item><title>伪造条目</title>',
];

/** Characters XML 1.0 cannot hold, mixed into ordinary text: dropped. */
const FORBIDDEN = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\uFFFE', '\uFFFF'];
/** Lone surrogates have no UTF-8 form: written as U+FFFD, as any encoder would (never as invalid bytes). */
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];

const item = (title: string, description: string, tags: string[] = []): FeedItem => ({
  title,
  link: 'https://jindu.example/news/a/',
  pubDate: new Date('2026-11-28T00:00:00Z'),
  description,
  categories: ['宣传教育', ...tags],
});

const channel = {
  title: '某市禁毒 <办> & "网"',
  description: `简介 ' & <i>`,
  siteUrl: 'https://jindu.example',
  selfUrl: 'https://jindu.example/rss.xml',
};

async function parsed(items: FeedItem[]) {
  const xml = await renderFeed(channel, items);
  expect(() => wellFormed(xml)).not.toThrow();
  return { xml, feed: await new Parser().parseString(xml) };
}

describe('RSS feed', () => {
  it.each(HOSTILE)('escapes %j exactly once in title, description and categories', async (text) => {
    const { xml, feed } = await parsed([item(text, text, [text])]);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe(text);
    expect(feed.items[0]!.content).toBe(text);
    expect(feed.items[0]!.categories).toEqual(['宣传教育', text]);
    expect(xml).toContain(`<title>${escapeXml(text)}</title>`);
    expect(xml).not.toContain(escapeXml(escapeXml(text)));
  });

  it('keeps the channel text as written', async () => {
    const { feed } = await parsed([item('标题', '摘要')]);
    expect(feed.title).toBe(channel.title);
    expect(feed.description).toBe(channel.description);
  });

  it.each(FORBIDDEN)('drops %j, which XML 1.0 cannot hold, and stays well-formed', async (char) => {
    const text = `禁毒${char}宣传${char}`;
    const { xml, feed } = await parsed([item(text, `摘要${char}<b>&`, [text])]);
    expect(feed.items[0]!.title).toBe('禁毒宣传');
    expect(feed.items[0]!.content).toBe('摘要<b>&');
    expect(feed.items[0]!.categories).toEqual(['宣传教育', '禁毒宣传']);
    expect(Buffer.from(xml, 'utf8').toString('utf8')).not.toContain('\uFFFD');
  });

  it.each(LONE_SURROGATES)('writes the lone surrogate %j as U+FFFD and stays well-formed', async (char) => {
    const { feed } = await parsed([item(`禁毒${char}宣传`, `摘要${char}`)]);
    expect(feed.items[0]!.title).toBe('禁毒\uFFFD宣传');
    expect(feed.items[0]!.content).toBe('摘要\uFFFD');
  });

  it('keeps tab, newlines, astral characters and paired surrogates', async () => {
    const text = '第一行\t制表\n第二行 𠮷 😀';
    const { feed } = await parsed([item(text, text)]);
    expect(feed.items[0]!.content).toBe(text);
  });
});

describe('XML text helpers', () => {
  it('escapes each special character once', () => {
    expect(escapeXml(`<a href="x">&amp;'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;amp;&apos;&lt;/a&gt;');
  });

  it('removes only what XML 1.0 forbids', () => {
    expect(xmlChars(`a${FORBIDDEN.join('')}b\t\n\r😀`)).toBe('ab\t\n\r😀');
    expect(xmlChars('\uD83D\uDE00x\uDE00\uD83D')).toBe('😀x\uFFFD\uFFFD');
  });
});

describe('sitemap', () => {
  it('is well-formed with characters URLs leave as they are', () => {
    const xml = renderSitemap(["/news/a&b'/", '/news/"q"/'], 'https://jindu.example');
    expect(() => wellFormed(xml)).not.toThrow();
    const locs = [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'"));
    expect(locs).toEqual(['https://jindu.example/news/%22q%22/', "https://jindu.example/news/a&b'/"]);
  });
});

describe('JSON in an HTML data block', () => {
  it.each(['</script><script>alert(1)</script>', '<!-- x', 'a & b > c', '\u2028行分隔\u2029', '"引号"\\反斜杠'])(
    'keeps %j inside the element and reads it back unchanged',
    (text) => {
      const json = jsonForHtml({ text, list: [text] });
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json)).toEqual({ text, list: [text] });
    },
  );
});
