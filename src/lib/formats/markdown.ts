/**
 * Text from content files (messages quoting values, file names, titles) put into
 * Markdown that GitHub, Gitea and GitLab render: it must read as the same text
 * and never become markup, a link, a mention or a broken table.
 */

/** Characters that are not text: controls, format characters (direction overrides, zero widths), line and paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu;

/**
 * Inline text (never the start of a line: the report puts it in table cells and after
 * its own words). Backslash-escaped: every ASCII mark that opens inline markup on one of
 * the three hosts (CommonMark allows escaping any of them): `\\`, `` ` ``, `*`, `_`, `[`,
 * `]` (so no `[x](javascript:…)` or image), `<`, `>` (no HTML, no autolink), `&` (no
 * entity such as `&#x202E;`), `|` (no new table cell), `~` (strikethrough), `$` (GitLab's
 * math), `{`, `}` (GitLab's `{+ +}`). A character that is not text is shown as its code
 * (`〔U+202E〕`, so a direction override cannot make the report read differently from the
 * file), a line break as a space. A word joiner (invisible) goes after `@` and `#` and
 * into `://` and `www.`, so the text mentions nobody, links no issue and becomes no
 * autolink: the hosts find those in the text after escapes are read (an escaped `\>`
 * after an address would even join the link).
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(INVISIBLE, (c) => `〔U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}〕`)
    .replace(/[\\`*_[\]<>&|~${}]/g, (c) => `\\${c}`)
    .replace(/[@#]|:(?=\/\/)|www(?=\.)/gi, (c) => `${c}\u2060`);
}

/** A table cell: text as above (a `|` is escaped, which GFM tables honour even inside code) on one line; empty cells show a dash. */
export function markdownCell(text: string | undefined): string {
  const cell = text === undefined ? '' : markdownText(text).trim();
  return cell === '' ? '—' : cell;
}

/** A link to an address the site built (http or https): the label is text, the address percent-encoded where Markdown would read it. */
export function markdownLink(label: string, url: string): string {
  const { href, protocol } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') throw new RangeError(`not a web address: ${url}`);
  return `[${markdownText(label)}](${href.replace(/[()<>\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

/** A table: header row, alignment row, one row per item; cells are Markdown already (`markdownCell`, `markdownLink`). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(markdownCell)), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}
