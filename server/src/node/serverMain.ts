// The Node entry point (dist/server.js): `--stdio`, `--node-ipc` or `--socket=N`, read by
// createConnection from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type RuntimeEnvironment } from '../server';
import { nodeFileSystem, nodeSha256 } from './nodeFileSystem';

const runtime: RuntimeEnvironment = {
  timer: {
    setImmediate(callback) {
      const handle = setImmediate(callback);
      return { dispose: () => clearImmediate(handle) };
    },
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
  fileSystem: nodeFileSystem,
  sha256: nodeSha256,
  now: () => performance.now(),
};

startServer(createConnection(ProposedFeatures.all), runtime);
