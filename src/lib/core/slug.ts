/**
 * ASCII slugs for URLs. Shared links with percent-encoded Chinese look broken in
 * WeChat, so every URL segment made from Chinese text goes through pinyin.
 */
import { pinyin } from 'pinyin-pro';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `text` is a URL-safe slug: lower-case ASCII letters, digits, single hyphens. */
export function isAsciiSlug(text: string): boolean {
  return SLUG.test(text);
}

/**
 * A readable ASCII slug for Chinese (or mixed) text, through toneless pinyin.
 * @example slugify('禁毒宣传月') // 'jin-du-xuan-chuan-yue'
 * @example slugify('6·26 国际禁毒日') // '6-26-guo-ji-jin-du-ri'
 */
export function slugify(text: string): string {
  const syllables = pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
