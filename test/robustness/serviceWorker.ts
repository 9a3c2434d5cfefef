// Runs exerciseService in a worker thread, so that the test can stop an input that hangs (a
// synchronous loop cannot be interrupted in the thread that runs it). Built next to the tests as
// out/test/robustness/serviceWorker.js; not a test file itself.
import { parentPort } from 'node:worker_threads';
import { exerciseService } from './serviceExercise';

export interface WorkerRequest {
  text: string;
  languageId: string;
  now: string;
  bytes?: Uint8Array;
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    parentPort?.postMessage({
      ok: true,
      result: exerciseService(request.text, request.languageId, new Date(request.now), request.bytes),
    });
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
