/**
 * Text for XML outputs (RSS, sitemap). XML 1.0 cannot carry some characters at
 * all, not even as character references: a feed holding one is not well-formed
 * and readers drop the whole feed. They are removed; everything else is kept.
 */

/** Characters outside XML 1.0's `Char` production but surrogates: C0 controls but tab, LF, CR; U+FFFE, U+FFFF. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * The text with every character XML 1.0 forbids removed (there is no escape for them); a lone surrogate,
 * which has no UTF-8 form, becomes U+FFFD as any UTF-8 encoder would write it.
 */
export function xmlChars(text: string): string {
  return text.toWellFormed().replace(NOT_XML_CHAR, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value written into XML by hand: escaped once, forbidden characters removed. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
