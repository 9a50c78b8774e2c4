/**
 * What a letter's long image shows, from the letter's fields: shared by the
 * site build and `npm run letter-image` (which adds a school's name).
 */
import { formatChineseDate } from '../lib/dates.ts';
import { absoluteUrl, paths } from '../lib/urls.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { letterBlocks } from './letter-blocks.ts';
import { qrModules } from './qr.ts';
import type { Brand, LetterInput } from './templates.ts';

export function brandOf(settings: SiteSettings): Brand {
  return { siteName: settings.name, publisher: settings.publisher, primary: settings.theme.primary, accent: settings.theme.accent };
}

export interface LetterSource {
  id: string;
  title: string;
  salutation: string;
  /** The Markdown body. */
  body: string;
  issuer: string;
  date: string;
}

/** The long image of a letter; with `school`, the variant a school posts in its own groups. */
export function letterInputs(letter: LetterSource, settings: SiteSettings, school?: string): LetterInput {
  return {
    brand: brandOf(settings),
    title: letter.title,
    ...(school ? { school } : {}),
    salutation: letter.salutation,
    blocks: letterBlocks(letter.body),
    issuer: letter.issuer,
    dateText: formatChineseDate(letter.date),
    qr: qrModules(absoluteUrl(paths.letter(letter.id), settings.url)),
    scanLine: '微信扫一扫，查看原文、打印回执',
  };
}
