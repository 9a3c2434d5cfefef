// Where the workspace inventory reads from (server/src/lsp/inventory/inventoryFolders.ts): the
// folders of `initialize` and their changes, trust, and the settings asked per folder or pushed,
// turned into the roots of the scan. Settings come from a function answering as a client answers
// `workspace/configuration`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigurationItem, InitializeParams } from 'vscode-languageserver';
import {
  initialFolders,
  InventoryFolders,
  readWorkspaceTrust,
} from '../../../server/src/lsp/inventory/inventoryFolders';
import { DEFAULT_CERTIFICATE_GLOBS } from '../../../server/src/lsp/inventory/inventorySettings';
import { RecordingLogger } from './helpers/recordingLogger';

const A = { uri: 'file:///work/a', name: 'a' };
const B = { uri: 'file:///work/b', name: 'b' };
const MIB5 = 5 * 1024 * 1024;

/** A client's `workspace/configuration` answers: `renewRevocation` and `files.exclude` per folder (`undefined` key: the window). */
function client(
  byFolder: Record<string, { renewRevocation?: unknown; exclude?: unknown }>,
  asked: ConfigurationItem[][] = [],
) {
  return async (items: ConfigurationItem[]): Promise<unknown[]> => {
    asked.push(items);
    return items.map((item) => {
      const settings = byFolder[String(item.scopeUri)] ?? {};
      return item.section === 'renewRevocation' ? settings.renewRevocation : settings.exclude;
    });
  };
}

test('initialize: workspaceFolders when given (null is none), else rootUri, else rootPath; trust unless the client says false', () => {
  const params = (fields: Partial<InitializeParams>) =>
    ({ processId: null, rootUri: null, capabilities: {}, ...fields }) as InitializeParams;
  assert.deepEqual(initialFolders(params({ workspaceFolders: [A], rootUri: 'file:///other' })), [A]);
  assert.deepEqual(initialFolders(params({ workspaceFolders: null, rootUri: 'file:///other' })), []);
  assert.deepEqual(initialFolders(params({ rootUri: 'file:///root' })), [
    { uri: 'file:///root', name: 'file:///root' },
  ]);
  assert.deepEqual(initialFolders(params({ rootPath: '/srv/pki' })), [{ uri: 'file:///srv/pki', name: '/srv/pki' }]);
  assert.deepEqual(initialFolders(params({})), []);
  assert.equal(readWorkspaceTrust(undefined), true);
  assert.equal(readWorkspaceTrust({}), true);
  assert.equal(readWorkspaceTrust({ workspaceTrusted: true }), true);
  assert.equal(readWorkspaceTrust({ workspaceTrusted: 'no' }), true);
  assert.equal(readWorkspaceTrust({ workspaceTrusted: false }), false);
});

test('each folder is a root with its own globs, files.exclude and maxFileSize, asked per folder', async () => {
  const asked: ConfigurationItem[][] = [];
  const folders = new InventoryFolders({
    folders: [A, B],
    trusted: true,
    getConfiguration: client(
      {
        [A.uri]: {
          renewRevocation: { certificateGlobs: ['pki/**'], maxFileSize: 1000 },
          exclude: { '**/old': true, '**/maybe': false },
        },
        [B.uri]: {},
      },
      asked,
    ),
    logger: new RecordingLogger(),
  });
  assert.deepEqual(await folders.scanRoots(), [
    { uri: A.uri, kind: 'workspace', include: ['pki/**'], exclude: ['**/old'], maxFileSize: 1000 },
    { uri: B.uri, kind: 'workspace', include: DEFAULT_CERTIFICATE_GLOBS, exclude: [], maxFileSize: MIB5 },
  ]);
  assert.deepEqual(asked.flat(), [
    { scopeUri: A.uri, section: 'renewRevocation' },
    { scopeUri: A.uri, section: 'files.exclude' },
    { scopeUri: B.uri, section: 'renewRevocation' },
    { scopeUri: B.uri, section: 'files.exclude' },
  ]);
});

test('certificatePaths outside the workspace are roots only while the workspace is trusted; the output says why not', async () => {
  const logger = new RecordingLogger();
  const folders = new InventoryFolders({
    folders: [A],
    trusted: false,
    getConfiguration: client({
      [A.uri]: { renewRevocation: { certificatePaths: ['/etc/kubernetes/pki', 'inside'], maxFileSize: 2000 } },
    }),
    logger,
  });
  assert.deepEqual(
    (await folders.scanRoots())?.map((root) => [root.kind, root.uri, root.maxFileSize]),
    [
      ['workspace', A.uri, 2000],
      ['certificatePath', 'file:///work/a/inside', 2000],
    ],
  );
  assert.deepEqual(logger.infos, [
    'renewRevocation.certificatePaths: /etc/kubernetes/pki is outside the workspace, and the workspace is not trusted (restricted mode); it is not read',
  ]);
  assert.equal(folders.setTrusted(false), false, 'no change');
  assert.equal(folders.setTrusted(true), true);
  assert.deepEqual(
    (await folders.scanRoots())?.map((root) => root.uri),
    [A.uri, 'file:///etc/kubernetes/pki', 'file:///work/a/inside'],
  );
});

test('without workspace/configuration the pushed settings count; a bad setting is reported once until the settings change', async () => {
  const logger = new RecordingLogger();
  const folders = new InventoryFolders({ folders: [A], trusted: true, getConfiguration: undefined, logger });
  assert.deepEqual(await folders.scanRoots(), [
    { uri: A.uri, kind: 'workspace', include: DEFAULT_CERTIFICATE_GLOBS, exclude: [], maxFileSize: MIB5 },
  ]);
  folders.settingsChanged({
    renewRevocation: { certificateGlobs: 'pki/**', maxFileSize: 10 },
    files: { exclude: { '**/tmp': true } },
  });
  const roots = await folders.scanRoots();
  await folders.scanRoots();
  assert.deepEqual(roots, [
    { uri: A.uri, kind: 'workspace', include: DEFAULT_CERTIFICATE_GLOBS, exclude: ['**/tmp'], maxFileSize: 10 },
  ]);
  const problem = `renewRevocation.certificateGlobs must be a list of strings; found "pki/**"; using ${JSON.stringify(DEFAULT_CERTIFICATE_GLOBS)}`;
  assert.deepEqual(logger.warnings, [problem]);
  folders.settingsChanged(null);
  await folders.scanRoots();
  assert.deepEqual(
    logger.warnings,
    [problem, problem],
    'a pull-model notification keeps the pushed settings and reports again',
  );
});

test('no folder: the window settings are asked (scopeUri undefined) and a relative certificatePath is not read', async () => {
  const asked: ConfigurationItem[][] = [];
  const logger = new RecordingLogger();
  const folders = new InventoryFolders({
    folders: [],
    trusted: true,
    getConfiguration: client({ undefined: { renewRevocation: { certificatePaths: ['/srv/pki', 'relative'] } } }, asked),
    logger,
  });
  assert.deepEqual(await folders.scanRoots(), [{ uri: 'file:///srv/pki', kind: 'certificatePath', maxFileSize: MIB5 }]);
  assert.deepEqual(asked, [
    [
      { scopeUri: undefined, section: 'renewRevocation' },
      { scopeUri: undefined, section: 'files.exclude' },
    ],
  ]);
  assert.deepEqual(logger.infos, [
    'renewRevocation.certificatePaths: relative is relative and no folder is open; it is not read',
  ]);
});

test('a call superseded while it read the settings answers undefined; the later one answers with the current folders', async () => {
  let release: () => void = () => undefined;
  const answers = client({});
  let slow = true;
  const folders = new InventoryFolders({
    folders: [A],
    trusted: true,
    getConfiguration: async (items) => {
      if (slow) {
        slow = false;
        await new Promise<void>((resolve) => (release = resolve));
      }
      return answers(items);
    },
    logger: new RecordingLogger(),
  });
  const first = folders.scanRoots();
  folders.changeFolders([B], [A]);
  const second = folders.scanRoots();
  release();
  assert.equal(await first, undefined);
  assert.deepEqual(
    (await second)?.map((root) => root.uri),
    [B.uri],
  );
});

test('settings that cannot be read: the defaults, and the output says so', async () => {
  const logger = new RecordingLogger();
  const folders = new InventoryFolders({
    folders: [A],
    trusted: true,
    getConfiguration: () => Promise.reject(new Error('client went away')),
    logger,
  });
  assert.deepEqual(await folders.scanRoots(), [
    { uri: A.uri, kind: 'workspace', include: DEFAULT_CERTIFICATE_GLOBS, exclude: [], maxFileSize: MIB5 },
  ]);
  assert.equal(logger.errors.length, 1);
  assert.match(
    logger.errors[0],
    /^Could not read the settings of the certificate inventory; using the defaults: .*client went away/,
  );
});

test('display names: relative to the folder, named by the folder when there are several, undefined outside', () => {
  const folders = new InventoryFolders({
    folders: [A],
    trusted: true,
    getConfiguration: undefined,
    logger: new RecordingLogger(),
  });
  assert.equal(folders.displayName('file:///work/a/pki/ca.crt'), 'pki/ca.crt');
  assert.equal(folders.displayName('file:///work/a'), undefined, 'the folder itself has no relative name');
  assert.equal(folders.displayName('file:///etc/pki/ca.crt'), undefined);
  folders.changeFolders([B], []);
  assert.equal(folders.displayName('file:///work/a/pki/ca.crt'), 'a/pki/ca.crt');
  assert.equal(folders.displayName('file:///work/b/x.pem'), 'b/x.pem');
});
