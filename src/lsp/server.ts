/**
 * The language server's wiring: a `vscode-languageserver` connection over
 * the given streams, the capabilities, and one handler per request, each
 * delegating to a feature module. A handler that throws answers its own
 * request with an error (the library's JSON-RPC layer does that) and the
 * server goes on; a failure while publishing is logged, never fatal.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCacheDir, hashConfig, openNoteCache } from '../cache/index.js';
import { uriToPath } from './convert.js';
import { LibraryState } from './library.js';
import { locateLibrary } from './locate.js';
import { Session } from './session.js';
import { registerFeatures, COMMANDS } from './features.js';
import { guardReader } from './guard.js';

/** How the server is started. */
export interface ServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The working directory: the workspace when the client names none. */
  cwd: string;
  /** `--library`: overrides the config's library folder. */
  library?: string;
  /** Read through the persistent parse cache (as `lint` does); false with --no-cache. */
  cache: boolean;
}

/**
 * Starts serving. Resolves with the exit code when the client sends `exit`
 * or closes the input: 0 after `shutdown`, 1 without (as the protocol says).
 */
export function startServer(options: ServerOptions): Promise<number> {
  const writer = new StreamMessageWriter(options.output);
  const reader = guardReader(new StreamMessageReader(options.input), writer);
  const connection = createConnection(reader, writer);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;
  let ready: Promise<Session | undefined> = Promise.resolve(undefined);

  connection.onInitialize((params): InitializeResult => {
    const folder = uriToPath(params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? '') ?? params.rootPath ?? options.cwd;
    const init = (params.initializationOptions ?? {}) as { library?: unknown; debounceMs?: unknown };
    const library = typeof init.library === 'string' ? init.library : options.library;
    const debounce = typeof init.debounceMs === 'number' ? init.debounceMs : undefined;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    ready = load(connection, folder, library, options.cache).then((state) => {
      if (!state) return undefined;
      session = new Session(state, documents, connection, debounce);
      return session;
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: ['[', ':', ',', ' ', '#', '-'], resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        executeCommandProvider: { commands: [...COMMANDS] },
        workspace: { fileOperations: { willRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*.md' } }] } } },
      },
      serverInfo: { name: 'commonplace' },
    };
  });

  let canWatch = false;
  connection.onInitialized(() => {
    if (!canWatch) return;
    // Outside changes (another tool, git checkout): ask the client to watch, when it can.
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/concepts.yml' }] })
      .catch(() => undefined);
  });

  const withSession = async (uri: string, act: (s: Session) => Promise<void> | void): Promise<void> => {
    const s = await ready;
    if (s && s.fileOf(uri) !== null) await act(s);
  };
  documents.onDidOpen((e) => void withSession(e.document.uri, (s) => s.edited(e.document.uri, true)));
  documents.onDidChangeContent((e) => void withSession(e.document.uri, (s) => s.edited(e.document.uri)));
  documents.onDidClose((e) => void withSession(e.document.uri, (s) => s.closed(e.document.uri)));
  connection.onDidChangeWatchedFiles(async (params) => {
    const s = await ready;
    if (!s) return;
    const kinds = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
    const changes = params.changes.flatMap((change) => {
      const file = s.fileOf(change.uri);
      return file === null ? [] : [{ file, kind: kinds[change.type] }];
    });
    await s.filesChanged(changes);
  });

  registerFeatures(connection, async (fresh = true) => {
    const s = await ready;
    if (!s) throw new Error('no library is being served (see the message at start-up)');
    if (fresh) await s.absorbAll();
    return s;
  });

  documents.listen(connection);
  connection.listen();
  return new Promise((resolve) => {
    connection.onExit(() => resolve(shutdown ? 0 : 1));
    reader.onClose(() => resolve(shutdown ? 0 : 1));
  });
}

/** Reads the library; on a config or folder problem, tells the user and serves nothing. */
async function load(connection: Connection, folder: string, library: string | undefined, useCache: boolean): Promise<LibraryState | undefined> {
  let state: LibraryState;
  try {
    const location = locateLibrary(folder, library);
    state = new LibraryState(location);
    const cache = useCache ? openNoteCache({ dir: defaultCacheDir(location.configDir), configHash: hashConfig(location.config) }) : undefined;
    await state.load(cache);
    cache?.flush();
  } catch (error) {
    void connection.window.showErrorMessage(`commonplace: ${(error as Error).message}`);
    return undefined;
  }
  return state;
}
