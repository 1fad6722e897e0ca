/**
 * The persistent per-note cache (see note-cache.ts for the design and
 * entry-file.ts for the on-disk format).
 */
export { defaultCacheDir } from './location.js';
export { hashConfig, openNoteCache, type NoteCache, type PersistentNoteCache } from './note-cache.js';
export {
  buildFingerprint,
  describeOutputs,
  isUpToDate,
  manifestPath,
  readManifest,
  writeManifest,
  type BuildInputs,
  type BuildManifest,
} from './build-manifest.js';
