/**
 * Each request the server answers, wired to the feature module that
 * answers it. Every handler first waits for the library to load; one that
 * throws answers its request with an error (vscode-jsonrpc turns the throw
 * into a JSON-RPC error response) and the server goes on.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { codeActions, CREATE_NOTE } from './actions.js';
import { complete, resolveCompletion } from './completion.js';
import { createNoteFor } from './create-note.js';
import { definition, documentSymbols, hover, references, workspaceSymbols } from './navigation.js';
import { prepareRename, rename, renameFiles } from './rename.js';
import type { Session } from './session.js';

/** Commands the server runs (`workspace/executeCommand`). */
export const COMMANDS = [CREATE_NOTE] as const;

/** Registers every feature's handler on `connection`. */
export function registerFeatures(connection: Connection, session: (fresh?: boolean) => Promise<Session>): void {
  // Completion reads the editor's text itself and the library's names: it does not wait for the edit being typed to be parsed.
  connection.onCompletion(async (p) => complete(await session(false), p.textDocument.uri, p.position));
  connection.onCompletionResolve(async (item) => resolveCompletion(await session(false), item));
  connection.onDefinition(async (p) => definition(await session(), p.textDocument.uri, p.position));
  connection.onReferences(async (p) => references(await session(), p.textDocument.uri, p.position, p.context.includeDeclaration));
  connection.onHover(async (p) => hover(await session(), p.textDocument.uri, p.position));
  connection.onDocumentSymbol(async (p) => documentSymbols(await session(), p.textDocument.uri));
  connection.onWorkspaceSymbol(async (p) => workspaceSymbols(await session(), p.query));
  connection.onPrepareRename(async (p) => prepareRename(await session(), p.textDocument.uri, p.position));
  connection.onRenameRequest(async (p) => rename(await session(), p.textDocument.uri, p.position, p.newName));
  connection.workspace.onWillRenameFiles(async (p) => renameFiles(await session(), [...p.files]));
  connection.onCodeAction(async (p) => codeActions(await session(), p));
  connection.onExecuteCommand(async (p) => {
    const s = await session();
    if (p.command !== CREATE_NOTE) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${p.command}`);
    const title = (p.arguments?.[0] as { title?: unknown } | undefined)?.title;
    if (typeof title !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${CREATE_NOTE} expects [{ "title": "…" }]`);
    const uri = await createNoteFor(s, title);
    if (connection.window.showDocument) void connection.window.showDocument({ uri, takeFocus: true }).catch(() => undefined);
    return { uri };
  });
}
