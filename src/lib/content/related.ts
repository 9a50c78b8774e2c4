/**
 * "Related items" for a news page without comparing every item with every
 * other: only neighbours in the lists of the item's own tags and category are
 * considered, so the cost per page stays constant as the archive grows.
 */

export interface Relatable {
  id: string;
  date: string;
  tags: readonly string[];
  category: string;
}

/** Lists of item ids per tag and per category, each newest first, with positions for O(1) lookup. */
export interface RelatedIndex {
  lists: Map<string, string[]>;
  position: Map<string, number>;
  byId: Map<string, Relatable>;
}

const keysOf = (item: Relatable) => [...item.tags.map((t) => `tag:${t}`), `category:${item.category}`];

/** `items` must be sorted newest first. */
export function buildRelatedIndex(items: readonly Relatable[]): RelatedIndex {
  const lists = new Map<string, string[]>();
  const position = new Map<string, number>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = lists.get(key) ?? [];
      position.set(`${key}\u0000${item.id}`, list.length);
      list.push(item.id);
      lists.set(key, list);
    }
  }
  return { lists, position, byId: new Map(items.map((i) => [i.id, i])) };
}

/**
 * Up to `limit` ids related to `item`: items sharing more tags first, then the
 * same category, then the nearest in date.
 */
export function relatedIds(index: RelatedIndex, item: Relatable, limit = 4, window = 6): string[] {
  const scores = new Map<string, number>();
  for (const key of keysOf(item)) {
    const list = index.lists.get(key) ?? [];
    const at = index.position.get(`${key}\u0000${item.id}`) ?? 0;
    const weight = key.startsWith('tag:') ? 2 : 1;
    for (let i = Math.max(0, at - window); i <= Math.min(list.length - 1, at + window); i++) {
      const id = list[i]!;
      if (id !== item.id) scores.set(id, (scores.get(id) ?? 0) + weight);
    }
  }
  const day = Date.parse(item.date);
  return [...scores]
    .map(([id, score]) => ({ id, score, distance: Math.abs(Date.parse(index.byId.get(id)!.date) - day) }))
    .sort((a, b) => b.score - a.score || a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id }) => id);
}
