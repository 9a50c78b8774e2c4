/**
 * Which drugs a text names, by any of their names (name, 学名和别名, 俗称),
 * so a topic or a news tag can link to the drug's page.
 */

export interface NamedDrug {
  id: string;
  names: readonly string[];
}

/** Names shorter than this (“冰”, “K”) match too much ordinary text. */
const MIN_NAME_LENGTH = 2;

/**
 * Ids of the drugs `text` names, in the order they first appear. The longest
 * name wins where names overlap, so “合成大麻素” names 合成大麻素 and not 大麻.
 * @example drugsNamedIn('K粉和合成大麻素', [{ id: 'a', names: ['大麻'] }, { id: 'b', names: ['合成大麻素'] }, { id: 'c', names: ['K粉'] }])
 * // ['c', 'b']
 */
export function drugsNamedIn(text: string, drugs: readonly NamedDrug[]): string[] {
  const terms = drugs
    .flatMap(({ id, names }) => names.filter((n) => [...n].length >= MIN_NAME_LENGTH).map((name) => ({ id, name })))
    .sort((a, b) => b.name.length - a.name.length);
  const taken = new Uint8Array(text.length);
  const firstAt = new Map<string, number>();
  for (const { id, name } of terms) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      if (taken.subarray(at, at + name.length).some(Boolean)) continue;
      taken.fill(1, at, at + name.length);
      firstAt.set(id, Math.min(firstAt.get(id) ?? Infinity, at));
    }
  }
  return [...firstAt].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}
