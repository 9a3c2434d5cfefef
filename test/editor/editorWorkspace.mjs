// The workspace the editor tests and UI checks open: a copy of examples/ (what users get in the
// .vsix), plus test-only files: manifests made for one check each (test/editor/workspace/) and
// certificates, a kubeconfig, a DER file and a private key from the fixture PKI under
// `fixture-pki/` (beside the examples' own `pki/`), and kubectl's List output under `kubectl/`.
import { join } from 'node:path';
import { root } from './codeServer.mjs';

const pki = join(root, 'test', 'fixtures', 'pki');

/** [source, path in the workspace] pairs for startCodeServer's `extraFiles`. */
export const editorWorkspaceFiles = [
  [join(root, 'test', 'editor', 'workspace'), '.'],
  ...['leaf-server.crt', 'bundle.pem', 'admin.kubeconfig', 'secret.yaml'].map((name) => [
    join(pki, name),
    join('fixture-pki', name),
  ]),
  [join(pki, 'der', 'leaf-server.der'), join('fixture-pki', 'leaf-server.der')],
  // Where kubectl keeps it: opens as YAML, like *.kubeconfig.
  [join(pki, 'admin.kubeconfig'), join('.kube', 'config')],
  // A key, to check that its hover shows the key type and nothing of the key.
  [join(pki, 'keys', 'rsa-pkcs8.key'), join('fixture-pki', 'rsa-pkcs8.key')],
  [
    join(root, 'test', 'fixtures', 'kubectl', 'renewrevocations-list.yaml'),
    join('kubectl', 'renewrevocations-list.yaml'),
  ],
];
