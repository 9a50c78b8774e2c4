/**
 * The drug A–Z as built: the index by pinyin initial and by kind, every entry
 * page with its names, legal status and official sources, and the links that
 * lead to it from topics, news tags and the search page; the county's own section.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { indexLetter } from '#/lib/core/index-letter.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { paths } from '#/lib/site/urls.ts';
import { DRUG_KINDS } from '#/schemas/drugs.ts';
import { SITES, builtPages, readPage, type SiteUnderTest } from '../helpers/sites.ts';

interface Drug {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  streetNames: string[];
  legal: { status: string; since?: string; controlled: boolean; placeholder: boolean };
  sources: { title: string; issuer: string }[];
}

const drugsOf = (site: SiteUnderTest): Drug[] =>
  checkContent(site.contentDir, loadSettings(site.contentDir, {}))
    .entries.filter((e) => e.collection === 'drugs')
    .map((e) => ({ id: e.id, ...(e.data as Omit<Drug, 'id'>) }));

const main = (site: SiteUnderTest, urlPath: string) => parse(readPage(site, urlPath)).querySelector('main')!;
const text = (el: HTMLElement | null) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const hrefs = (el: HTMLElement) => el.querySelectorAll('a').map((a) => a.getAttribute('href'));

const site = SITES.main;
const drugs = drugsOf(site);

describe('the drug A–Z index', () => {
  const index = main(site, paths.drugs());

  it('has at least 20 entries, each linked once under its pinyin letter, the letters in order', () => {
    expect(drugs.length).toBeGreaterThanOrEqual(20);
    const groups = index.querySelectorAll('[id^="letter-"]').map((h) => ({
      letter: text(h),
      ids: hrefs(h.parentNode as HTMLElement).map((href) => href!.split('/')[2]),
    }));
    const letters = groups.map((g) => g.letter);
    expect(letters).toEqual([...letters].sort());
    expect(letters).toEqual(expect.arrayContaining(['B', 'H', 'L', 'Y']));
    for (const drug of drugs) {
      const group = groups.find((g) => g.ids.includes(drug.id));
      expect(group?.letter, drug.name).toBe(indexLetter(drug.name));
    }
    expect(groups.flatMap((g) => g.ids).sort()).toEqual(drugs.map((d) => d.id).sort());
  });

  it('files 氯胺酮 under L, 冰毒 under B and γ-羟丁酸 under Q, and links only the letters that have entries', () => {
    const under = (letter: string) => text(index.querySelector(`#letter-${letter.toLowerCase()}`)?.parentNode as HTMLElement);
    expect(under('L')).toContain('氯胺酮');
    expect(under('B')).toContain('冰毒');
    expect(under('Q')).toContain('γ-羟丁酸');
    const tabs = index.querySelector('nav[aria-label="按拼音首字母"]')!;
    const linked = tabs.querySelectorAll('a').map((a) => a.getAttribute('href')!);
    for (const href of linked) expect(index.querySelector(`#${href.split('#')[1]}`), href).not.toBeNull();
    expect(tabs.querySelectorAll('li[aria-hidden="true"] a')).toHaveLength(0);
    expect(tabs.querySelectorAll('li')).toHaveLength(26);
  });

  it('groups by kind in the official order, each kind with its count, every entry once', () => {
    const kinds = index.querySelectorAll('[id^="kind-"]').map((h) => text(h));
    expect(kinds).toEqual(DRUG_KINDS.filter((k) => drugs.some((d) => d.kind === k)));
    expect(kinds).toEqual(expect.arrayContaining(['传统毒品', '合成毒品', '新精神活性物质']));
    for (const kind of kinds) {
      const section = index.querySelectorAll('[id^="kind-"]').find((h) => text(h) === kind)!.parentNode as HTMLElement;
      expect(
        hrefs(section)
          .map((h) => h!.split('/')[2])
          .sort(),
        kind,
      ).toEqual(
        drugs
          .filter((d) => d.kind === kind)
          .map((d) => d.id)
          .sort(),
      );
      expect(text(index.querySelector('.drugs__kinds'))).toContain(`${kind}（${drugs.filter((d) => d.kind === kind).length}）`);
    }
  });

  it('is in the main navigation', () => {
    const nav = parse(readPage(site, paths.home())).querySelector('nav[aria-label="主导航"]')!;
    expect(nav.querySelectorAll('a').map((a) => [text(a), a.getAttribute('href')])).toContainEqual(['认识毒品', paths.drugs()]);
  });
});

describe('every drug page', () => {
  it.each(drugs.map((d) => [d.name, d] as const))(
    '%s: names, legal status with its date or 待核实, and its official sources',
    (_, drug) => {
      const page = main(site, paths.drug(drug.id));
      expect(text(page.querySelector('h1'))).toBe(drug.name);
      const details = text(page.querySelector('.details-list'));
      for (const name of [...drug.aliases, ...drug.streetNames]) expect(details).toContain(name);
      const legal = text(page.querySelector('[data-legal]'));
      expect(legal).toContain(drug.legal.status);
      if (!drug.legal.controlled) expect(legal).toContain('未列入毒品管制目录');
      else if (drug.legal.since) expect(legal).toMatch(/\d{4}年\d{1,2}月\d{1,2}日起/);
      else expect(legal).toContain('待核实');
      if (drug.legal.placeholder) expect(legal).toContain('待核实');
      const sources = page.querySelectorAll('[data-sources] li').map(text);
      expect(sources.length).toBeGreaterThanOrEqual(1);
      expect(sources.length).toBe(drug.sources.length);
      drug.sources.forEach((s, i) => expect(sources[i]).toContain(`《${s.title}》，${s.issuer}`));
      expect(text(page.querySelector('[data-body]')).length).toBeGreaterThan(30);
      expect(hrefs(page)).toContain(paths.help());
    },
  );

  it('states the listing dates the official announcements give', () => {
    const since = (id: string) => text(main(site, paths.drug(id)).querySelector('[data-legal]'));
    expect(since('fen-tai-ni-lei')).toContain('2019年5月1日起');
    expect(since('he-cheng-da-ma-su')).toContain('2021年7月1日起');
    expect(since('yi-tuo-mi-zhi')).toContain('2023年10月1日起');
    expect(since('han-ke-dai-yin-zhi-ke-shui')).toContain('2015年5月1日起');
  });

  it('is indexed for search with its street names, under 认识毒品', () => {
    const html = readPage(site, paths.drug('lv-an-tong'));
    const body = parse(html).querySelector('[data-pagefind-body]')!;
    expect(text(body)).toContain('K粉');
    expect(body.querySelector('[data-pagefind-filter="栏目:认识毒品"]')).not.toBeNull();
  });
});

describe('links into the A–Z', () => {
  it('from topics that name a drug, by its name or a street name', () => {
    const links = (topic: string) => hrefs(main(site, paths.topic(topic)).querySelector('[aria-labelledby="topic-drugs"]')!);
    expect(links('shang-tou-dian-zi-yan')).toContain(paths.drug('yi-tuo-mi-zhi'));
    expect(links('xiao-qi-bu-shi-wan-ju')).toContain(paths.drug('xiao-qi'));
    // “K粉” in the text is enough to link 氯胺酮.
    expect(links('ren-shi-xin-xing-du-pin')).toEqual(expect.arrayContaining([paths.drug('lv-an-tong'), paths.drug('bing-du')]));
    // 合成大麻素 is not 大麻.
    expect(links('he-cheng-da-ma-su')[0]).toBe(paths.drug('he-cheng-da-ma-su'));
  });

  it('and back: a drug page lists the topics that name it', () => {
    const further = (id: string) => hrefs(main(site, paths.drug(id)).querySelector('[aria-labelledby="drug-topics"]')!);
    expect(further('yi-tuo-mi-zhi')).toContain(paths.topic('shang-tou-dian-zi-yan'));
    expect(further('lv-an-tong')).toContain(paths.topic('ren-shi-xin-xing-du-pin'));
    expect(main(site, paths.drug('fen-tai-ni-lei')).querySelector('[aria-labelledby="drug-topics"]')).toBeNull();
  });

  it('from a news tag that names a drug, and not from the others', () => {
    const tagged = main(site, paths.newsTag('依托咪酯'));
    expect(tagged.querySelectorAll('[data-drug-link] a').map((a) => a.getAttribute('href'))).toEqual([paths.drug('yi-tuo-mi-zhi')]);
    expect(main(site, paths.newsTag('禁毒宣传')).querySelector('[data-drug-link]')).toBeNull();
  });

  it('from the search page, with a street name to try', () => {
    const search = main(site, paths.search());
    expect(hrefs(search.querySelector('[data-search-drugs]')!)).toEqual([paths.drugs(), paths.search('K粉')]);
    expect(hrefs(search.querySelector('[data-search-noscript]')!)).toContain(paths.drugs());
  });
});

describe('another county', () => {
  const county = SITES.otherCity;
  const own = drugsOf(county);

  it('builds the section from its own entries only', () => {
    expect(own.length).toBeGreaterThanOrEqual(2);
    const pages = builtPages(county).filter((p) => p.startsWith('/drugs/') && p !== '/drugs/');
    expect(pages.sort()).toEqual(own.map((d) => paths.drug(d.id)).sort());
    const index = main(county, paths.drugs());
    expect(text(index)).toContain(`共收录 ${own.length} 种`);
    expect(text(index)).toContain('县禁毒办');
  });
});
