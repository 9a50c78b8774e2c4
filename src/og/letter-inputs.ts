/**
 * What a letter's long image shows, from the letter's fields: shared by the
 * site build and `npm run letter-image` (which adds a school's name).
 */
import { formatChineseDate } from '#/lib/core/dates.ts';
import { replySlipText, slipWithoutPrinter } from '#/lib/content/reply-slip.ts';
import { absoluteUrl, paths } from '#/lib/site/urls.ts';
import type { EntryData } from '#/schemas/index.ts';
import type { SiteSettings } from '#/schemas/site.ts';
import { letterBlocks } from './letter-blocks.ts';
import { qrModules } from './qr.ts';
import type { Brand, LetterInput } from './templates.ts';

export function brandOf(settings: SiteSettings): Brand {
  return { siteName: settings.name, publisher: settings.publisher, primary: settings.theme.primary, accent: settings.theme.accent };
}

/** A letter as its collection holds it, with its Markdown body. */
export interface LetterSource {
  id: string;
  data: Pick<EntryData<'letters'>, 'title' | 'salutation' | 'issuer' | 'date' | 'replySlip'>;
  body: string;
}

/** The long image of a letter; with `school`, the variant a school posts in its own groups. */
export function letterInputs(letter: LetterSource, settings: SiteSettings, school?: string): LetterInput {
  const { replySlip } = letter.data;
  return {
    brand: brandOf(settings),
    title: letter.data.title,
    ...(school ? { school } : {}),
    salutation: letter.data.salutation,
    blocks: letterBlocks(letter.body),
    issuer: letter.data.issuer,
    dateText: formatChineseDate(letter.data.date),
    qr: qrModules(absoluteUrl(paths.letter(letter.id), settings.url)),
    scanLine: '微信扫一扫，查看原文、打印回执',
    // The letter asks parents to fill in the slip below, so the image carries it too, and says how to return it unprinted.
    ...(replySlip
      ? {
          slip: {
            ...replySlipText(replySlip, letter.data.title),
            withoutPrinter: slipWithoutPrinter(replySlip, letter.data.title),
          },
        }
      : {}),
  };
}
