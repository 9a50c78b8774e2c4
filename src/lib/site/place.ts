/**
 * Words and groupings that depend on the place a site serves, built from its
 * settings (site.yaml): which kinds of base it has, what its towns are called,
 * whether it is a 市 or a 县. Pages and the privacy guard read them here, so no
 * page names one office's places or words.
 */
import type { SiteSettings } from '#/schemas/site.ts';

export type BaseKind = SiteSettings['baseKinds'][number];

/**
 * Items joined as Chinese prose lists them.
 * @example listInChinese(['甲']) // '甲'
 * @example listInChinese(['甲', '乙', '丙']) // '甲、乙和丙'
 */
export function listInChinese(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
}

/**
 * The town label as one word, for a search filter's name and narrow table headings.
 * @example townWord('镇（区）') // '镇区'
 * @example townWord('乡镇') // '乡镇'
 */
export function townWord(townLabel: string): string {
  return townLabel.replace(/[（）()\s]/g, '');
}

/** The bases page's title: every kind of place the site lists, by name. */
export function basesTitle(kinds: readonly BaseKind[]): string {
  return listInChinese(kinds.map((k) => k.name));
}

export interface BaseGroup<T> extends BaseKind {
  count: number;
  /** The kind's entries by town, in the settings' town order; towns without any are left out. */
  towns: { town: string; items: T[] }[];
}

/** Entries grouped by kind (in the settings' order), then by town; kinds without entries are left out. */
export function basesByKindAndTown<T extends { data: { kind: string; town: string } }>(
  entries: readonly T[],
  kinds: readonly BaseKind[],
  towns: readonly string[],
): BaseGroup<T>[] {
  return kinds
    .map((kind) => {
      const ofKind = entries.filter((e) => e.data.kind === kind.name);
      const byTown = towns.map((town) => ({ town, items: ofKind.filter((e) => e.data.town === town) })).filter((t) => t.items.length > 0);
      return { ...kind, count: ofKind.length, towns: byTown };
    })
    .filter((k) => k.count > 0);
}

/** Endings of place names (镇, 乡, 街道, 经济区…), longest first. */
const PLACE_ENDINGS = /(?:华侨经济区|经济开发区|街道办事处|开发区|经济区|管理区|农场|街道|办事处|自治县|镇|乡|区|县|市|旗)$/;

/**
 * A place name without its ending (a name that would be left with one character keeps it):
 * what staff write before 三中, 中心学校 or 禁毒办, and what event file names start with.
 * @example placeStem('城关镇') // '城关'
 * @example placeStem('河西乡') // '河西'
 */
export function placeStem(name: string): string {
  const whole = name.normalize('NFKC').trim();
  const stem = whole.replace(PLACE_ENDINGS, '');
  return [...stem].length >= 2 ? stem : whole;
}
