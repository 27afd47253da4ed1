import { HttpError } from '../errors';

/** Why a command failed, in a sentence; the exit code says whether it was how it was called (2) or what it asked (1). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly code = 'FAILED',
  ) {
    super(message);
  }
}

/** Success: a sentence for people, or the data as JSON for scripts. */
export function succeed(json: boolean, sentence: string, data: unknown): void {
  process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${sentence}\n`);
}

/** Failure: a sentence on stderr (and the error as JSON on stdout with --json), and a non-zero exit code. */
export function fail(json: boolean, error: unknown): never {
  const known = error instanceof CommandError || error instanceof HttpError;
  const message = known ? error.message : `The command failed: ${error instanceof Error ? error.message : String(error)}`;
  const code = error instanceof CommandError || error instanceof HttpError ? error.code : 'FAILED';
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof CommandError ? error.exitCode : 1);
}
