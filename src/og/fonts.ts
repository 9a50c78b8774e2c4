/**
 * The CJK font for share images ships with the project (Noto Sans Hans, OFL,
 * from @embedpdf/fonts-sc): the build never fetches a font. Read once per process.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The package exports only its JS entry (dist/), so find the fonts/ folder from there.
const FONT_DIR = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

export const FONT_FILES = {
  regular: path.join(FONT_DIR, 'NotoSansHans-Regular.otf'),
  bold: path.join(FONT_DIR, 'NotoSansHans-Bold.otf'),
} as const;

export const FONT_FAMILY = 'Noto Sans SC';

interface LoadedFonts {
  fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
  /** Changes when a font file changes, so cached images are redrawn. */
  version: string;
}

let loaded: LoadedFonts | undefined;

export function ogFonts(): LoadedFonts {
  if (!loaded) {
    const regular = readFileSync(FONT_FILES.regular);
    const bold = readFileSync(FONT_FILES.bold);
    loaded = {
      fonts: [
        { name: FONT_FAMILY, data: regular, weight: 400, style: 'normal' },
        { name: FONT_FAMILY, data: bold, weight: 700, style: 'normal' },
      ],
      version: createHash('sha256').update(regular).update(bold).digest('hex').slice(0, 16),
    };
  }
  return loaded;
}
