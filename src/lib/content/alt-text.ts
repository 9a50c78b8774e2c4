/**
 * The one rule for the words shown in place of a picture, whether written in
 * a field (`alt`, a photo's caption) or in a Markdown image: at least four
 * characters that describe it, and not its file name. Callers word the message
 * for the place it was written.
 */
import { IMAGE_FILE_NAME } from '#/lib/gate/image-bytes.ts';

export const MIN_ALT_CHARACTERS = 4;

export type AltTextFault = 'too-short' | 'file-name';

export function altTextFault(alt: string): AltTextFault | undefined {
  const text = alt.trim();
  if ([...text].length < MIN_ALT_CHARACTERS) return 'too-short';
  if (IMAGE_FILE_NAME.test(text)) return 'file-name';
  return undefined;
}
