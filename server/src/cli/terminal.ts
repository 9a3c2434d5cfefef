// Where the command line writes, and whether it may colour what it writes. Colour only on a
// terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR forces it (as Node and most
// tools do), which is also how the tests see the coloured output.

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Terminal {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Colour on stdout. */
  stdoutColour: boolean;
  /** Colour on stderr. */
  stderrColour: boolean;
}

export function shouldUseColour(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function processTerminal(env: NodeJS.ProcessEnv = process.env): Terminal {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutColour: shouldUseColour(process.stdout, env),
    stderrColour: shouldUseColour(process.stderr, env),
  };
}
