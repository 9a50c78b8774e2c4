/**
 * The help finder and the booking blocks as built: numbers that dial, the
 * ask-first path beside the emergency numbers, placeholders that say so and
 * dial nothing, every service and every base page reachable without a script.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkContent } from '#/lib/gate/check-content.ts';
import { loadSettings } from '#/lib/site/settings.ts';
import { paths } from '#/lib/site/urls.ts';
import { SITES, readPage, type SiteUnderTest } from '../helpers/sites.ts';

const entriesOf = (site: SiteUnderTest, collection: string) =>
  checkContent(site.contentDir, loadSettings(site.contentDir, {})).entries.filter((e) => e.collection === collection && !e.data.draft);
const mainOf = (site: SiteUnderTest, urlPath: string) => parse(readPage(site, urlPath)).querySelector('main')!;
const telLinks = (root: HTMLElement) => root.querySelectorAll('a[href^="tel:"]').map((a) => a.getAttribute('href'));

describe('the help page (Qionghai)', () => {
  const site = SITES.main;
  const main = mainOf(site, paths.help());
  const services = entriesOf(site, 'services');

  it('opens with the emergency numbers and, right beside them, the way to ask without calling the police', () => {
    const panels = main.querySelectorAll('.help-first > section').map((s) => s.querySelector('h2')!.id);
    expect(panels).toEqual(['urgent', 'ask-first']);
    // Nothing but the page title comes before them.
    expect(main.querySelectorAll('h2')[0]!.id).toBe('urgent');
    const urgent = main.querySelector('#urgent')!.parentNode!;
    expect(telLinks(urgent)).toEqual(expect.arrayContaining(['tel:110', 'tel:120']));
    const ask = main.querySelector('#ask-first')!.parentNode!;
    expect(ask.querySelector('h2')!.text).toBe('不想报警，想先咨询');
    expect(telLinks(ask)).toEqual(expect.arrayContaining(['tel:12356', 'tel:12355']));
    expect(main.querySelector('.help-first__jump a')?.getAttribute('href')).toBe('#ask-first');
    expect(ask.querySelectorAll('a[href^="#"]').map((a) => a.getAttribute('href'))).toEqual([
      '#counselling',
      '#youth',
      '#treatment',
      '#community',
    ]);
    // The rule that voluntary treatment is not punished, in the words of the law and the regulation.
    expect(ask.text).toContain('吸毒人员主动到公安机关登记或者到有资质的医疗机构接受戒毒治疗的，不予处罚。');
    expect(ask.text).toContain('对自愿接受戒毒治疗的吸毒人员，公安机关对其原吸毒行为不予处罚。');
    expect(ask.querySelector('a[href="https://flk.npc.gov.cn/"]')).not.toBeNull();
  });

  it('lists every service once, by its file name; a published number dials, a placeholder says so and dials nothing', () => {
    expect(services.length).toBe(17);
    for (const s of services) {
      const cards = main.querySelectorAll(`[id="${s.id}"]`);
      expect(cards, s.file).toHaveLength(1);
      const card = cards[0]!;
      if (s.data.phone) expect(telLinks(card), s.file).toEqual([`tel:${String(s.data.phone).replace(/-/g, '')}`]);
      if (s.data.placeholder) {
        expect(card.querySelector('.placeholder-mark')?.text, s.file).toContain('待公布');
        expect(telLinks(card), s.file).toEqual([]);
      }
    }
  });

  it('has a community station for each of the 13 towns, each marked as not yet published, under its town', () => {
    const stations = services.filter((s) => s.data.kind === '社区戒毒社区康复工作站');
    expect(new Set(stations.map((s) => s.data.town)).size).toBe(13);
    for (const s of stations) {
      expect(s.data.placeholder, s.file).toBe(true);
      const town = main.querySelector(`[id="${s.id}"]`)!.closest('details')!;
      expect(town.querySelector('summary')!.text, s.file).toContain(String(s.data.town));
    }
  });

  it('dials only digits, and every in-page link has its target, so the finder works without a script', () => {
    for (const href of telLinks(main)) expect(href).toMatch(/^tel:\d{3,12}$/);
    for (const a of main.querySelectorAll('a[href^="#"], a[href^="/help/#"]')) {
      const id = a.getAttribute('href')!.split('#')[1]!;
      expect(main.querySelector(`[id="${id}"]`), id).not.toBeNull();
    }
    expect(readPage(site, paths.help())).not.toMatch(/<script[^>]+src=/);
  });

  it('cites an official source for each national number', () => {
    for (const s of services.filter((s) => s.data.national && s.data.kind !== '急救电话')) {
      expect(main.querySelector(`[id="${s.id}"]`)!.querySelector('a[href^="https://"]'), s.file).not.toBeNull();
    }
  });

  it('is indexed for search under its own section', () => {
    expect(readPage(site, paths.help())).toContain('data-pagefind-filter="栏目:求助服务"');
  });
});

describe('the 预约参观 block', () => {
  it.each([SITES.main, SITES.otherCity])(
    'is on every base page of $name, with a number that dials or a marked placeholder, and no third party',
    (site) => {
      const bookingUrl = loadSettings(site.contentDir, {}).bookingUrl;
      const bases = entriesOf(site, 'bases');
      expect(bases.length).toBeGreaterThan(0);
      for (const base of bases) {
        const block = mainOf(site, paths.base(base.id)).querySelector('section.booking');
        expect(block, base.file).not.toBeNull();
        expect(block!.querySelector('h2')!.text).toBe('预约参观');
        for (const label of ['预约单位', '预约电话', '谁可以预约', '每批人数', '需要提前', '费用', '无障碍']) {
          expect(
            block!.querySelectorAll('dt').map((dt) => dt.text),
            base.file,
          ).toContain(label);
        }
        const booking = base.data.booking as { phone?: string };
        if (booking.phone)
          expect(block!.querySelector('a.hotline')?.getAttribute('href'), base.file).toBe(`tel:${booking.phone.replace(/-/g, '')}`);
        else expect(block!.querySelector('.placeholder-mark')?.text, base.file).toContain('预约电话待公布');
        for (const a of block!.querySelectorAll('a')) {
          const href = a.getAttribute('href')!;
          expect(href.startsWith('tel:') || href.startsWith('/') || href === bookingUrl, `${base.file} ${href}`).toBe(true);
        }
        expect(
          block!.querySelectorAll('a').some((a) => a.getAttribute('href') === bookingUrl),
          base.file,
        ).toBe(bookingUrl !== undefined);
      }
    },
  );

  it('sends readers to the office while a booking phone is not published', () => {
    const base = entriesOf(SITES.main, 'bases')[0]!;
    const block = mainOf(SITES.main, paths.base(base.id)).querySelector('section.booking')!;
    expect(block.querySelector(`a[href="${paths.contact()}"]`)).not.toBeNull();
  });
});

describe('the other city', () => {
  const site = SITES.otherCity;

  it('lists its own services: its station dials its number, and the national line stays', () => {
    const main = mainOf(site, paths.help());
    expect(telLinks(main.querySelector('#chengguan-she-jie-she-kang')!)).toEqual(['tel:09991234570']);
    // The office itself, from the settings, on the ask-first path.
    expect(telLinks(main.querySelector('#ask-first')!.parentNode!)).toContain('tel:09991234567');
    expect(telLinks(main)).toEqual(expect.arrayContaining(['tel:12356', 'tel:09991234580']));
    expect(main.text).not.toContain('琼海');
    // Its clinic is a card under its kind and a link under its town.
    expect(main.querySelector('#town-he-xi-xiang')?.querySelector('a[href="/help/#xian-jie-du-zhi-liao-ke"]')).not.toBeNull();
  });

  it('shows the office phone from its settings on the contact page', () => {
    expect(telLinks(mainOf(site, paths.contact()))).toContain('tel:09991234567');
    expect(mainOf(SITES.main, paths.contact()).text).toContain('待公布');
  });
});
