/**
 * JSON inside an HTML data block (`<script type="application/json">`): a value
 * holding `</script>` or `<!--` would end or bend the element, so `<`, `>` and
 * `&` are written as JSON escapes, which `JSON.parse` reads back unchanged.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
