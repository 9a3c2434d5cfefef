import assert from 'node:assert/strict';
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
  assert.equal(isManifestText('kind: RenewRevocationList\n'), false);
  assert.equal(isManifestText('kind: "RenewRevocation\'\n'), false);
  assert.equal(isManifestText('# kind: RenewRevocation\n'), false);
});
