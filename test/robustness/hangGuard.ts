// Runs the service on one input in a worker thread and gives up after a generous time: a hang
// is a failure that names the input, not a test run that never ends. The limit catches hangs; it
// is no speed target (the times are reported, not asserted).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExerciseResult } from './serviceExercise';
import type { WorkerRequest } from './serviceWorker';

export const HANG_LIMIT_MS = 120_000;

type Answer = { ok: true; result: ExerciseResult } | { ok: false; error: string };

export class ServiceInWorker {
  private worker: Worker | undefined;

  async run(request: WorkerRequest, what: string, limitMs = HANG_LIMIT_MS): Promise<ExerciseResult> {
    // A deep stack, as the main thread of a server has (worker threads start with less).
    this.worker ??= new Worker(join(__dirname, 'serviceWorker.js'), { resourceLimits: { stackSizeMb: 4 } });
    const worker = this.worker;
    const answer = await new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop();
        reject(new Error(`${what}: no answer after ${limitMs / 1000} s (a hang)`));
      }, limitMs);
      const onError = (error: Error) => {
        clearTimeout(timer);
        this.worker = undefined;
        reject(new Error(`${what}: the worker died: ${error.stack ?? error.message}`));
      };
      worker.once('error', onError);
      worker.once('message', (message: Answer) => {
        clearTimeout(timer);
        worker.off('error', onError);
        resolve(message);
      });
      worker.postMessage(request);
    });
    if (!answer.ok) throw new Error(`${what}: an exception escaped the service:\n${answer.error}`);
    return answer.result;
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
