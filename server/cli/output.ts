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

/** What a command answers: a sentence for people and the data for --json. */
export type CommandAnswer = readonly [sentence: string, data: unknown];

/**
 * Runs one CLI command the same way for all of them: `body` parses its
 * arguments and does the work; its answer is printed (a sentence, or JSON with
 * --json), and any error becomes a sentence and an exit code: 2 with the usage
 * for a mistake in how it was called, 1 for what it asked.
 */
export async function runCommand(argv: string[], usage: string, body: () => Promise<CommandAnswer>): Promise<void> {
  // Read before parsing, so even an unparseable command line answers in JSON when asked to.
  const json = argv.includes('--json');
  try {
    const [sentence, data] = await body();
    succeed(json, sentence, data);
  } catch (error) {
    if (isArgumentError(error)) fail(json, new CommandError(`${error.message}\n${usage}`, 2, 'USAGE'));
    fail(json, error);
  }
}

/** node:util parseArgs throws TypeErrors coded ERR_PARSE_ARGS_… for unknown options and missing values. */
function isArgumentError(error: unknown): error is TypeError {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
