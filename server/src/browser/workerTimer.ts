// The browser worker's timer for the server. A worker has no setImmediate, and nested
// setTimeout(0) calls are clamped to 4 ms: the inventory scanner yields between every batch, so
// that clamp alone would add seconds to a large scan. A MessageChannel message runs as soon as
// the event loop is free, which is what setImmediate means on Node.
import type { RuntimeEnvironment } from '../lsp/runtime';

export function createWorkerTimer(): RuntimeEnvironment['timer'] {
  const pending = new Map<number, () => void>();
  let next = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<number>) => {
    const callback = pending.get(event.data);
    pending.delete(event.data);
    callback?.();
  };
  return {
    setImmediate(callback) {
      const id = next++;
      pending.set(id, callback);
      channel.port2.postMessage(id);
      return { dispose: () => pending.delete(id) };
    },
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  };
}
