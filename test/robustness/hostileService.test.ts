// The language service over every hostile input (hostileCorpus.ts): every feature answers, in a
// worker thread that is stopped if an input hangs; the diagnostics are the ones the corpus names.
import { after, test } from 'node:test';
import { ServiceInWorker } from './hangGuard';
import { assertDiagnosticsAnswer, assertForPeople } from './answers';
import { CORPUS_NOW, hostileInputs } from './hostileCorpus';
import { Timings } from './timings';

const worker = new ServiceInWorker();
const timings = new Timings();
after(() => worker.stop());

for (const input of hostileInputs()) {
  test(`service: ${input.file} (${input.name})`, async () => {
    const bytes = input.languageId === 'pem' ? new Uint8Array(input.bytes) : undefined;
    const result = await worker.run(
      { text: input.text, languageId: input.languageId, now: CORPUS_NOW.toISOString(), bytes },
      input.file,
    );
    timings.record(input.file, result.milliseconds);
    assertDiagnosticsAnswer(input, result.diagnostics, 'service');
    for (const text of result.texts) assertForPeople(text, `${input.file}: a hover or the decoded view`);
    if (input.languageId === 'pem') {
      if (input.codes.includes('pem-invalid')) {
        // The decoded view says why, in the words of the diagnostic.
        if (!result.texts.some((text) => input.message?.test(text)))
          throw new Error(`${input.file}: the decoded view does not say ${input.message}`);
      }
      if (result.viewLength === 0) throw new Error(`${input.file}: an empty decoded view`);
    }
  });
}

test('service: the longest single input (reported, not asserted)', (t) => {
  t.diagnostic(`service: ${timings.summary()}`);
});
