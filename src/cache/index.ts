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
  stampedHasher,
  writeManifest,
  type BuildInputs,
  type BuildManifest,
  type FileStamps,
  type StampedHasher,
} from './build-manifest.js';
