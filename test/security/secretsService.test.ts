// No key material in anything the language service answers (docs/ARCHITECTURE.md, "Invariants"), for every file of the
// secrets corpus: diagnostics, quick fixes, hovers everywhere, completion, outline, folding, code
// lenses, the decoded view (of the text and of the bytes), the preview. Keys show their type only.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createLanguageService } from '../../server/src/service/languageService';
import { CertificateInventory } from '../../server/src/service/inventory/inventory';
import { readCertificateFile } from '../../server/src/service/inventory/readCertificateFile';
import { assertNoKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { makeSecretsCorpus, probePositions } from './secretsCorpus';

const corpus = makeSecretsCorpus();
after(() => corpus.remove());
const service = createLanguageService({ now: () => new Date('2030-06-15T00:00:00Z') });

const inventory = new CertificateInventory();
for (const file of corpus.files)
  inventory.setFile(file.name, readCertificateFile(file.name, new Uint8Array(file.bytes)));
const context = { snapshot: inventory.snapshot() };

test('the material scan finds key material where it is (else the checks below prove nothing)', () => {
  const keyFile = corpus.files.find((file) => file.name === 'rsa-pkcs1.key')!;
  assert.throws(
    () => assertNoKeyMaterial(keyFile.bytes.toString('utf8'), corpus.material, 'the key file itself'),
    /shows/,
  );
  const der = corpus.files.find((file) => file.name === 'rsa-pkcs8.der')!;
  assert.throws(
    () => assertNoKeyMaterial(der.bytes.toString('hex'), corpus.material, 'the DER in hex'),
    /shows key bytes/,
  );
  assert.ok(context.snapshot.certificates.length >= 5, 'the inventory holds the corpus certificates');
});

for (const file of corpus.files) {
  test(`service: nothing shown for ${file.name} holds key material`, () => {
    const outputs: string[] = [service.decodeForView(new Uint8Array(file.bytes))];
    let keyHovers = 0;
    if (file.languageId) {
      const text = file.bytes.toString('utf8');
      const model = service.parse(text, file.languageId);
      const diagnostics = service.doValidation(model, undefined, context);
      outputs.push(JSON.stringify(diagnostics), service.decodeForView(text));
      for (const diagnostic of diagnostics)
        outputs.push(JSON.stringify(service.getCodeActions(model, diagnostic.range)));
      for (const position of probePositions(text)) {
        const hover = service.doHover(model, position, undefined, context);
        if (hover) {
          outputs.push(hover.contents.value);
          if (/private key/i.test(hover.contents.value)) keyHovers++;
        }
        outputs.push(JSON.stringify(service.doComplete(model, position)));
      }
      outputs.push(
        JSON.stringify(service.findDocumentSymbols(model)),
        JSON.stringify(service.getFoldingRanges(model)),
        JSON.stringify(service.getCodeLenses(model, context)),
      );
      if (model.manifests.length > 0) outputs.push(JSON.stringify(service.previewRevocation(model, context)));
      if (/\.key$/.test(file.name)) assert.ok(keyHovers > 0, `${file.name}: a hover says what key it is`);
    }
    for (const output of outputs) assertNoKeyMaterial(output, corpus.material, `service output for ${file.name}`);
  });
}
