/**
 * A message reader that answers garbage instead of dropping it: a body that
 * is not JSON, or a header without a length, gets a JSON-RPC "Parse error"
 * (-32700); a JSON value that is neither a request, a notification nor a
 * response gets "Invalid Request" (-32600), both with id null as JSON-RPC
 * 2.0 says. Valid messages pass through to the connection unchanged.
 */
import { ErrorCodes, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a message the connection can handle (request, notification or response). */
function isValidMessage(value: unknown): value is Message {
  if (!isObject(value) || value.jsonrpc !== '2.0') return false;
  const id = value.id;
  const idOk = id === undefined || id === null || typeof id === 'string' || typeof id === 'number';
  if (typeof value.method === 'string') return idOk;
  return idOk && id !== undefined && ('result' in value || 'error' in value);
}

/** Wraps `inner`, answering protocol garbage through `writer`. */
export function guardReader(inner: MessageReader, writer: MessageWriter): MessageReader {
  const reply = (code: number, message: string): void => {
    void writer.write({ jsonrpc: '2.0', id: null, error: { code, message } } as Message).catch(() => undefined);
  };
  inner.onError((error) => reply(ErrorCodes.ParseError, `Parse error: ${error.message.split('\n')[0]}`));
  return {
    onError: inner.onError,
    onClose: inner.onClose,
    onPartialMessage: inner.onPartialMessage,
    dispose: () => inner.dispose(),
    listen(callback: DataCallback): Disposable {
      return inner.listen((message) => {
        if (isValidMessage(message)) callback(message);
        else reply(ErrorCodes.InvalidRequest, 'Invalid Request: expected a JSON-RPC 2.0 request, notification or response');
      });
    },
  };
}
