// The Node entry point (dist/server.js): `--stdio`, `--node-ipc` or `--socket=N`, read by
// createConnection from the command line. Over stdio (what the other
// editors use) messages are written through messageEncoder.ts, which keeps each diagnostic's JSON.
import { format } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { startServer, type RuntimeEnvironment } from '../server';
import { messageEncoder } from './messageEncoder';
import { nodeFileSystem, nodeSha256 } from './nodeFileSystem';
import { nodeTimer } from './nodeTimer';

const runtime: RuntimeEnvironment = {
  timer: nodeTimer,
  fileSystem: nodeFileSystem,
  sha256: nodeSha256,
  now: () => performance.now(),
};

/**
 * Over stdio: stdin as createConnection reads it (it exits when stdin closes), stdout through our
 * encoder. Passing a writer makes createConnection leave the console alone, so it is sent to the
 * client's log here, as createConnection does for `--stdio`: a stray console.log must never
 * write into the protocol stream.
 */
function stdioConnection(): Connection {
  // createConnection tells a stream from a reader or writer at run time and takes a stream for
  // input with a writer for output; its overloads only list the two alike.
  const createMixed = createConnection as unknown as (
    factories: typeof ProposedFeatures.all,
    input: NodeJS.ReadableStream,
    output: MessageWriter,
  ) => Connection;
  const connection = createMixed(
    ProposedFeatures.all,
    process.stdin,
    new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: messageEncoder }),
  );
  const log =
    (write: (message: string) => void) =>
    (...args: unknown[]) =>
      write(format(...args));
  console.log = log((message) => connection.console.log(message));
  console.info = log((message) => connection.console.info(message));
  console.warn = log((message) => connection.console.warn(message));
  console.error = log((message) => connection.console.error(message));
  return connection;
}

const overStdio = process.argv.slice(2).includes('--stdio');
startServer(overStdio ? stdioConnection() : createConnection(ProposedFeatures.all), runtime);
