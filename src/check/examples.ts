/**
 * Library-rule examples are small libraries written as one string, files
 * separated by `==> name.md <==` header lines (the format of `head` on many
 * files), so the README and the example test read the same text.
 */

/** One file of an example library. */
export interface ExampleFile {
  path: string;
  text: string;
}

const HEADER = /^==> (.+) <==$/;

/** Splits an example library into its files; text before the first header is ignored. */
export function splitExampleLibrary(example: string): ExampleFile[] {
  const files: ExampleFile[] = [];
  let current: { path: string; lines: string[] } | null = null;
  for (const line of example.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      if (current) files.push({ path: current.path, text: current.lines.join('\n') });
      current = { path: header[1] ?? '', lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  if (current) files.push({ path: current.path, text: current.lines.join('\n') });
  return files;
}

/** Joins files into the example-library format (the inverse of splitExampleLibrary). */
export function exampleLibrary(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([path, text]) => `==> ${path} <==\n${text}`)
    .join('\n');
}
