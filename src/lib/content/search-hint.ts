/**
 * The search page's hint, with example words taken from the site's own
 * content, so every office's page suggests words its own pages contain.
 */

export interface HintSources {
  /** News tags, most used first. */
  tags: readonly string[];
  /** Schools on the lecture schedule, the next one first. */
  schools: readonly string[];
  /** Occasions of the parents' letters (寒假, 暑假…), newest first. */
  letterOccasions: readonly string[];
  /** The site's towns, in the settings' order: a fallback when content is thin. */
  towns: readonly string[];
}

/** How many example words the hint gives. */
const WORDS = 3;

/**
 * `请输入要搜索的词，如“…”“…”“…”。`: the most used tag, the next school on the
 * schedule and the newest letter's occasion (`寒假家长信`), topped up with towns.
 * @example searchHint({ tags: ['新型毒品'], schools: ['第三中学'], letterOccasions: ['寒假'], towns: ['城关镇'] })
 * // '请输入要搜索的词，如“新型毒品”“第三中学”“寒假家长信”。'
 */
export function searchHint({ tags, schools, letterOccasions, towns }: HintSources): string {
  const occasion = letterOccasions.find((o) => o !== '其他');
  const candidates = [tags[0], schools[0], occasion && `${occasion}家长信`, ...towns];
  const words = [...new Set(candidates.filter((w): w is string => typeof w === 'string' && w.trim() !== ''))].slice(0, WORDS);
  return words.length > 0 ? `请输入要搜索的词，如${words.map((w) => `“${w}”`).join('')}。` : '请输入要搜索的词。';
}
