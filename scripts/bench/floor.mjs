/**
 * The parse floor of issue 6: read every `.md` file of a library and parse it
 * with unified + remark-parse + remark-frontmatter, single-threaded, with the
 * project's own dependencies. Every Commonplace figure is a ratio to this.
 *
 *   node scripts/bench/floor.mjs DIR
 *
 * Prints one JSON line: { files, bytes, nodes } (nodes so the parse cannot be
 * optimised away and so a reader can see the trees were real).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/bench/floor.mjs DIR\n');
  process.exit(2);
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.md'))
  .sort();

let bytes = 0;
let nodes = 0;
for (const name of files) {
  const text = readFileSync(path.join(dir, name), 'utf8');
  bytes += Buffer.byteLength(text);
  const tree = processor.parse(text);
  nodes += tree.children.length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, nodes })}\n`);
