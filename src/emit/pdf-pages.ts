/**
 * The page each named destination of a PDF lands on, read from the file
 * Chromium wrote: how the contents learn their page numbers (pdf.ts prints
 * once, reads these, and prints again with the numbers filled in).
 *
 * It reads what Chromium's PDF writer (Skia) produces: a classic `xref`
 * table, uncompressed dictionaries, a page tree of `/Kids`, and the named
 * destinations as one `/Dests` dictionary of `/name [page 0 R /XYZ …]`.
 * Anything else is an error naming what was missing, never a wrong number.
 */

/** Named destination (as the PDF spells it, `#xx` escapes decoded) → its 1-based page number. */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const file = new PdfObjects(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'));
  const catalog = file.object(file.rootRef());
  const pageOf = new Map<number, number>();
  const walk = (ref: number): void => {
    const node = file.object(ref);
    if (/\/Type\s*\/Pages\b/.test(node)) for (const kid of refsIn(field(node, 'Kids', /\[([^\]]*)\]/), 'Kids')) walk(kid);
    else pageOf.set(ref, pageOf.size + 1);
  };
  walk(refOf(catalog, 'Pages'));
  const dests = new Map<string, number>();
  // Chromium writes no /Dests at all when nothing links inside the document.
  const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog);
  if (!destsRef) return dests;
  const dictionary = file.object(Number(destsRef[1]));
  for (const match of dictionary.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = pageOf.get(Number(match[2]));
    if (page === undefined) throw new Error(`PDF destination /${match[1]} points at object ${match[2]}, which is no page`);
    dests.set(decodeName(match[1]!), page);
  }
  return dests;
}

/** A PDF name's `#xx` escapes decoded (as UTF-8, which is how Chromium encodes ids). */
const decodeName = (name: string): string =>
  name.includes('#') ? Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8') : name;

function field(dictionary: string, key: string, value: RegExp): string {
  const match = new RegExp(`/${key}\\s*${value.source}`).exec(dictionary);
  if (!match) throw new Error(`PDF: no /${key} in ${dictionary.slice(0, 60)}…`);
  return match[1]!;
}

const refOf = (dictionary: string, key: string): number => Number(field(dictionary, key, /(\d+)\s+0\s+R/));

function refsIn(list: string, key: string): number[] {
  const refs = [...list.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
  if (refs.length === 0) throw new Error(`PDF: an empty /${key}`);
  return refs;
}

/** The objects of a PDF with a classic cross-reference table, found by their offsets (never by searching binary streams). */
class PdfObjects {
  private readonly offsets = new Map<number, number>();
  private readonly trailer: string;

  constructor(private readonly text: string) {
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
    if (!start) throw new Error('PDF: no startxref at the end of the file');
    let at = Number(start[1]);
    if (!text.startsWith('xref', at)) throw new Error('PDF: the cross-reference table is not a classic xref table');
    at += 4;
    // Subsections "first count" then count 20-byte lines "oooooooooo ggggg n".
    for (let header = /\s*(\d+) (\d+)[ \t]*\r?\n/y; ; ) {
      header.lastIndex = at;
      const sub = header.exec(text);
      if (!sub) break;
      at = header.lastIndex;
      for (let i = 0; i < Number(sub[2]); i++, at += 20) {
        const line = text.slice(at, at + 20);
        if (line[17] === 'n') this.offsets.set(Number(sub[1]) + i, Number(line.slice(0, 10)));
      }
    }
    this.trailer = text.slice(at, text.indexOf('startxref', at));
  }

  /** The document catalog's object number. */
  rootRef(): number {
    return refOf(this.trailer, 'Root');
  }

  /** The text of object `ref` up to its `endobj` (or its stream, which is never needed here). */
  object(ref: number): string {
    const offset = this.offsets.get(ref);
    if (offset === undefined) throw new Error(`PDF: object ${ref} is not in the cross-reference table`);
    const head = new RegExp(`${ref}\\s+0\\s+obj`, 'y');
    head.lastIndex = offset;
    if (!head.test(this.text)) throw new Error(`PDF: object ${ref} is not where the cross-reference table says`);
    const ends = [this.text.indexOf('endobj', offset), this.text.indexOf('stream', offset)].filter((i) => i >= 0);
    return this.text.slice(head.lastIndex, Math.min(...ends));
  }
}
