import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isManifestText } from '../../../client/src/manifestDetection';

test('a top-level kind RenewRevocation or a certificates.microsoft.com apiVersion makes a manifest', () => {
  assert.equal(isManifestText('apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\n'), true);
  assert.equal(isManifestText('kind: "RenewRevocation" # revoke\n'), true);
  assert.equal(isManifestText("apiVersion: 'certificates.microsoft.com/v2'\n"), true);
  assert.equal(isManifestText('kind: ConfigMap\n---\nkind: RenewRevocation\r\nspec: {}\r\n'), true);
});

test('other kinds, nested keys and look-alikes are not manifests', () => {
  assert.equal(isManifestText('apiVersion: v1\nkind: ConfigMap\n'), false);
  assert.equal(isManifestText('data:\n  kind: RenewRevocation\n'), false);
  assert.equal(isManifestText('kind: "RenewRevocation\'\n'), false);
  assert.equal(isManifestText('# kind: RenewRevocation\n'), false);
});

test('Lists of RenewRevocations, as kubectl prints them and as the API names them, are manifests; Lists of other kinds are not', () => {
  const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures/kubectl', name), 'utf8');
  assert.equal(isManifestText(fixture('renewrevocations-list.yaml')), true);
  assert.equal(isManifestText(fixture('renewrevocationlist.yaml')), true);
  assert.equal(isManifestText(fixture('inventory-list.yaml')), false);
  assert.equal(isManifestText('kind: RenewRevocationList\n'), true);
  assert.equal(isManifestText('kind: List\nitems:\n- kind: RenewRevocation\n  metadata:\n    name: x\n'), true);
  assert.equal(isManifestText('kind: List\nitems:\n- data:\n    kind: RenewRevocation\n  kind: ConfigMap\n'), false);
  assert.equal(isManifestText('kind: ConfigMap\ndata:\n  kind: RenewRevocation\n'), false);
});
