/**
 * Each request the server answers, wired to the feature module that
 * answers it. Every handler first waits for the library to load.
 */
import type { Connection } from 'vscode-languageserver';
import type { Session } from './session.js';

/** Commands the server runs (`workspace/executeCommand`). */
export const COMMANDS = [] as const;

/** Registers every feature's handler on `connection`. */
export function registerFeatures(connection: Connection, session: () => Promise<Session>): void {
  void connection;
  void session;
}
