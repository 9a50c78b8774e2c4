/** Splits a sorted list into numbered pages; URLs come from the caller's path builder. */

/** News items per listing page. */
export const NEWS_PAGE_SIZE = 15;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

export function paginate<T>(items: readonly T[], size: number, urlOf: (page: number) => string): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer: ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      items: items.slice(i * size, number * size),
      number,
      total,
      url: urlOf(number),
      prevUrl: number > 1 ? urlOf(number - 1) : undefined,
      nextUrl: number < total ? urlOf(number + 1) : undefined,
    };
  });
}

/** Route parameter for a page: undefined for page 1 (the bare path), `page/N` after. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : `page/${number}`;
}
