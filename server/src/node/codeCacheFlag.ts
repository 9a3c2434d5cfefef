// The server's command-line option naming the folder of its V8 code cache (see codeCache.ts): the
// VS Code client passes the extension's global storage; the bench passes a folder of its own.
export const CODE_CACHE_DIR_FLAG = '--code-cache-dir=';

export function codeCacheArgument(folder: string): string {
  return `${CODE_CACHE_DIR_FLAG}${folder}`;
}
