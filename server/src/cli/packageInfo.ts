// The facts of package.json the command line prints: its version (--version, SARIF) and its
// homepage (diagnostic links, SARIF helpUri), bundled at build time so nothing is read at run time.
import packageJson from '../../../package.json';

const manifest = packageJson as { name: string; version: string; homepage?: string };

export const TOOL_NAME = 'renew-revocation';
export const TOOL_VERSION: string = manifest.version;
/** Undefined while package.json has no homepage: links are then left out, never invented. */
export const HOMEPAGE: string | undefined = manifest.homepage || undefined;
