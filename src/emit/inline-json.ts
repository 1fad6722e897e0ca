/**
 * JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` are
 * written as `\u003c`, `\u003e`, `\u0026` (so `</script>` and `<!--` cannot
 * end or confuse the element), and U+2028/U+2029 as escapes (old JS engines
 * treat them as line breaks). The result still parses to the same value.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
