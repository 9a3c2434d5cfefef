// The one module the VS Code client shares with the server (and the one a client in another
// editor would read): the requests and notifications this server adds to LSP, the preview's data
// those carry, the preview webview's messages, and how a client starts the server. The client
// imports the server's code through here only (plus the preview's report formats, through
// server/src/service/preview/index.ts, for its exports).
export * from './requests';
export type * from './previewData';
export * from './webviewMessages';
export * from './serverLaunch';
export * from './fileSystemRequests';
export * from './revokeRequests';
export * from './whatIfNotBefore';
