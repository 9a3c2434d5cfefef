import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, hoverAt, hoverText, openDocument } from './helpers';

/** Our certificate card among the hovers at a position. */
async function cardAt(
  relative: string,
  line: number,
  character: number,
): Promise<{ document: vscode.TextDocument; card: string }> {
  const { document } = await openDocument(relative);
  const hovers = await hoverAt(document.uri, new vscode.Position(line, character));
  return { document, card: hoverText(hovers) };
}

suite('certificate hover in a real VS Code', () => {
  teardown(closeAllEditors);

  test('on a PEM certificate file: the card of its certificate', async () => {
    const { document, card } = await cardAt('fixture-pki/leaf-server.crt', 4, 3);
    assert.equal(document.languageId, 'pem');
    assert.match(
      card,
      /^\*\*Certificate\*\* `kube-apiserver` — valid, expires in \d+ years\n\n\*PEM CERTIFICATE, lines 1–18\*/,
    );
    assert.ok(card.includes('kubernetes.default.svc.'), card);
  });

  test('on the second block of a bundle: that block', async () => {
    const { card } = await cardAt('fixture-pki/bundle.pem', 25, 3);
    assert.match(card, /^\*\*Certificate\*\* `Fixture Intermediate CA`/);
    assert.ok(card.includes('- **CA** yes, path length 0'), card);
  });

  test('on kubeconfig certificate data: the CA it holds', async () => {
    const { document, card } = await cardAt('fixture-pki/admin.kubeconfig', 6, 40);
    assert.equal(document.languageId, 'yaml', 'a .kubeconfig file opens as YAML');
    assert.ok(
      card.includes('*`certificate-authority-data` (base64 PEM CERTIFICATE), line 7, certificate 2 of 2*'),
      card,
    );
  });

  test('~/.kube/config opens as YAML, and its client certificate data has a card', async () => {
    const { document, card } = await cardAt('.kube/config', 10, 40);
    assert.equal(document.languageId, 'yaml');
    assert.match(document.lineAt(10).text, /^\s+client-certificate-data: /);
    assert.match(card, /\*\*Certificate\*\* `kubernetes-admin`/);
  });

  test('on a private key: its type, never its material', async () => {
    const { document, card } = await cardAt('fixture-pki/rsa-pkcs8.key', 3, 3);
    assert.equal(card.split('\n')[0], '**Private key RSA 2048 bits** — PKCS#8');
    assert.ok(card.endsWith('The key material is never shown.'), card);
    for (const line of document
      .getText()
      .split('\n')
      .filter((text) => /^[A-Za-z0-9+/=]{16,}$/.test(text.trim()))) {
      assert.ok(!card.includes(line.trim()), 'no line of the key body appears in the hover');
    }
  });
});
