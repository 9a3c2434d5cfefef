// The browser entry point (dist/browser/server.js): the same language server as on Node
// (server.ts), in a web worker, talking to the client by messages. What differs is only what a
// worker has: files are read through the client (clientFileSystem.ts), fingerprints use the
// service's portable SHA-256, and folders outside the workspace cannot be reached at all.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer, type RuntimeEnvironment } from '../server';
import { clientFileSystem } from './clientFileSystem';
import { createWorkerTimer } from './workerTimer';

// The worker's global scope: it posts and receives the messages (the DOM typings call it a window).
const scope = self as unknown as MessagePort;

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const runtime: RuntimeEnvironment = {
  timer: createWorkerTimer(),
  fileSystem: clientFileSystem(connection),
  now: () => performance.now(),
  outsideWorkspace: 'in the browser only the workspace can be read',
};

startServer(connection, runtime);
