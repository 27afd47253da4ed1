import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { CommandTestDatabase } from './testServer';

/**
 * Runs the real server CLI (`npm run server -- …`) on a test database, as IT
 * would: with its --data folder or DATABASE_URL, optional standard input, and
 * extra environment. Resolves with the exit code and what it printed.
 */
export async function runServerCli(
  database: CommandTestDatabase,
  args: string[],
  { input, env = {} }: { input?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['server/cli.ts', ...args, ...database.cliArgs], {
    env: { ...process.env, ...database.cliEnv, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  if (input !== undefined) child.stdin!.end(input);
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}
