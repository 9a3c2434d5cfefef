// How a client starts the server, where start-up time depends on it: the VS Code client does it
// this way, and so does the bench (which measures what users get).

/** `--code-cache-dir=PATH`: the folder of the server's V8 code cache (see codeCache.ts). */
export const CODE_CACHE_DIR_FLAG = '--code-cache-dir=';

export function codeCacheArgument(folder: string): string {
  return `${CODE_CACHE_DIR_FLAG}${folder}`;
}

/**
 * What the server's environment goes without (a variable set to undefined is not passed on).
 * NODE_EXTRA_CA_CERTS makes Node read and parse a file of CA certificates before any of our code
 * runs: with a system bundle of ~140 certificates, 70–80 ms of CPU on a 2-core machine, more than
 * the server's own start-up. The server opens no connection: it needs no CA at all.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, undefined>> = { NODE_EXTRA_CA_CERTS: undefined };
