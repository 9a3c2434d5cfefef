// The errors the command line reports to people: a usage mistake (exit 2, with a pointer to the
// help) or a file that cannot be read (exit 2, the other files still checked). Anything else is an
// internal error. None of them prints a stack trace unless `--debug` asks for it.

/** A mistake in the command line itself: an unknown option, a bad value, a missing path. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A file or folder that cannot be read, or a config file that cannot be used. */
export class IoError extends Error {
  override readonly name: string = 'IoError';
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Inputs that were read but hold nothing to check (no manifest, no certificate): a gate that
 * passed on them would pass on nothing, so they fail the run as an unreadable path does.
 */
export class NothingToCheckError extends IoError {
  override readonly name = 'NothingToCheckError';
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
};

/** A short reason for a failed file-system call ("no such file or folder"), never a stack. */
export function describeIoFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ERRNO_TEXT[code]) return ERRNO_TEXT[code];
  return error instanceof Error ? error.message : String(error);
}

/** An IoError for `path` with the reason taken from the file-system error. */
export function ioErrorFor(path: string, action: string, cause: unknown): IoError {
  return new IoError(`cannot ${action} '${path}': ${describeIoFailure(cause)}`, path, { cause });
}

/** The stack of an error and of its causes, for `--debug`. */
export function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\nCaused by: ');
}
