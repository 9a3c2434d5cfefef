// Node's timers as the server's runtime timer (lsp/runtime.ts): each handle disposes its timer.
import type { RuntimeEnvironment } from '../lsp/runtime';

export const nodeTimer: RuntimeEnvironment['timer'] = {
  setImmediate(callback) {
    const handle = setImmediate(callback);
    return { dispose: () => clearImmediate(handle) };
  },
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};
