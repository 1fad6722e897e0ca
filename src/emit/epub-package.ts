/**
 * The EPUB 3 package around the content documents: the OCF container, the
 * package document (metadata, manifest, spine), the navigation document and
 * the NCX (for EPUB 2 readers). Plain XML text from escaped values: the
 * structure is fixed, only titles and file names vary.
 */
import { xmlText } from './epub-xhtml.js';

/** One entry of the table of contents: a label, its target, and entries under it. */
export interface TocEntry {
  label: string;
  href: string;
  children: TocEntry[];
}

/** One content document in reading order. */
export interface SpineItem {
  id: string;
  href: string;
}

/** What the package document says about the book. */
export interface BookMetadata {
  identifier: string;
  title: string;
  subtitle: string;
  creator: string;
  language: string;
  /** `CCYY-MM-DDThh:mm:ssZ`. */
  modified: string;
}

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** The package document: every file in the manifest, the content documents in the spine. */
export function packageDocument(meta: BookMetadata, spine: SpineItem[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${xmlText(meta.language)}">`,
    '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `    <dc:identifier id="book-id">${xmlText(meta.identifier)}</dc:identifier>`,
    `    <dc:title id="title">${xmlText(meta.title)}</dc:title>`,
    '    <meta refines="#title" property="title-type">main</meta>',
  ];
  if (meta.subtitle) lines.push(`    <dc:title id="subtitle">${xmlText(meta.subtitle)}</dc:title>`, '    <meta refines="#subtitle" property="title-type">subtitle</meta>');
  if (meta.creator) lines.push(`    <dc:creator id="editor">${xmlText(meta.creator)}</dc:creator>`, '    <meta refines="#editor" property="role" scheme="marc:relators">edt</meta>');
  lines.push(`    <dc:language>${xmlText(meta.language)}</dc:language>`, `    <meta property="dcterms:modified">${meta.modified}</meta>`, '  </metadata>', '  <manifest>');
  lines.push(
    '    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '    <item id="style" href="style.css" media-type="text/css"/>',
  );
  for (const item of spine) if (item.id !== 'nav') lines.push(`    <item id="${item.id}" href="${item.href}" media-type="application/xhtml+xml"/>`);
  lines.push('  </manifest>', '  <spine toc="ncx">');
  for (const item of spine) lines.push(`    <itemref idref="${item.id}"/>`);
  lines.push('  </spine>', '</package>', '');
  return lines.join('\n');
}

/** The EPUB 3 navigation document: the table of contents as nested lists. */
export function navDocument(title: string, toc: TocEntry[]): string {
  const list = (entries: TocEntry[], depth: number): string[] => {
    const pad = '  '.repeat(depth);
    const out = [`${pad}<ol>`];
    for (const entry of entries) {
      const link = `<a href="${xmlText(entry.href)}">${xmlText(entry.label)}</a>`;
      if (entry.children.length === 0) out.push(`${pad}  <li>${link}</li>`);
      else out.push(`${pad}  <li>${link}`, ...list(entry.children, depth + 2), `${pad}  </li>`);
    }
    out.push(`${pad}</ol>`);
    return out;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">',
    `<head>\n<meta charset="UTF-8"/>\n<title>${xmlText(title)}</title>\n<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>`,
    '<body>',
    '<nav epub:type="toc" id="toc">',
    '<h1>Contents</h1>',
    ...list(toc, 0),
    '</nav>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The NCX: the same table of contents for EPUB 2 reading systems. */
export function ncxDocument(meta: BookMetadata, toc: TocEntry[]): string {
  let order = 0;
  let depth = 0;
  const points = (entries: TocEntry[], level: number): string[] => {
    depth = Math.max(depth, level);
    return entries.flatMap((entry) => {
      order++;
      const pad = '  '.repeat(level + 1);
      return [
        `${pad}<navPoint id="nav-${order}" playOrder="${order}">`,
        `${pad}  <navLabel><text>${xmlText(entry.label)}</text></navLabel>`,
        `${pad}  <content src="${xmlText(entry.href)}"/>`,
        ...points(entry.children, level + 1),
        `${pad}</navPoint>`,
      ];
    });
  };
  const navMap = points(toc, 1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="en">',
    '  <head>',
    `    <meta name="dtb:uid" content="${xmlText(meta.identifier)}"/>`,
    `    <meta name="dtb:depth" content="${depth}"/>`,
    '    <meta name="dtb:totalPageCount" content="0"/>',
    '    <meta name="dtb:maxPageNumber" content="0"/>',
    '  </head>',
    `  <docTitle><text>${xmlText(meta.title)}</text></docTitle>`,
    '  <navMap>',
    ...navMap,
    '  </navMap>',
    '</ncx>',
    '',
  ].join('\n');
}
