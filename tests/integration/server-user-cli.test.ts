import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server';
import { ApiClient, DIALECTS, makeCommandTestDatabase, type CommandTestDatabase } from '../helpers/testServer';

/** `npm run server -- user …` as the IT person runs it: the real CLI in its own process, on SQLite and PostgreSQL. */
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function spawnCli(database: CommandTestDatabase, args: string[], stdin: 'pipe' | 'ignore' = 'pipe') {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['server/cli.ts', ...args, ...database.cliArgs], {
    env: { ...process.env, ...database.cliEnv, LOG_LEVEL: 'info' },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function cli(database: CommandTestDatabase, args: string[], input?: string) {
  const child = spawnCli(database, args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  child.stdin!.end(input);
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

describe.each(DIALECTS)('npm run server -- user … on %s', (dialect) => {
  let database: CommandTestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await makeCommandTestDatabase(dialect);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const signIn = (username: string, password: string) => new ApiClient(server.url).request('POST', '/auth/login', { username, password });

  it('a server with no users says at start how to create the first admin', async () => {
    const child = spawnCli(database, ['--port', '0'], 'ignore');
    const hint = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.includes('user add')) resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before saying how to add a user`)));
    });
    expect(hint).toContain('npm run server -- user add <name> --role admin');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  }, 120_000);

  it('adds the first admin with a password read from stdin, who can then sign in', async () => {
    const added = await cli(database, ['user', 'add', 'Ines', '--role', 'admin'], 'ines-secret-1\n');
    expect(added).toMatchObject({ code: 0, stdout: 'Added admin ines.\n' });
    server = await startServer(database.options);
    expect(await signIn('ines', 'ines-secret-1')).toMatchObject({ status: 200, body: { user: { id: 'ines', role: 'admin' } } });
  }, 120_000);

  it('generates a password once with --generate, and answers JSON with --json', async () => {
    const added = await cli(database, ['user', 'add', 'dana', '--role', 'technician', '--generate', '--json']);
    expect(added.code).toBe(0);
    const body = JSON.parse(added.stdout);
    expect(body).toMatchObject({ user: { username: 'dana', role: 'technician', disabled: false }, generatedPassword: expect.any(String) });
    expect((await signIn('dana', body.generatedPassword)).status).toBe(200);

    const plain = await cli(database, ['user', 'add', 'omar', '--role', 'supervisor', '--generate']);
    expect(plain.stdout).toMatch(/^Added supervisor omar\.\nPassword \(shown only now, hand it over safely\): (\S{20})\n$/);
  }, 120_000);

  it('refuses short passwords, taken names, unknown roles and missing arguments with a sentence and a non-zero exit', async () => {
    const short = await cli(database, ['user', 'add', 'erik', '--role', 'technician'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('A password needs at least 8 characters.\n');
    const taken = await cli(database, ['user', 'add', 'dana', '--role', 'admin', '--json'], 'long-enough-1\n');
    expect(taken.code).toBe(1);
    expect(JSON.parse(taken.stdout)).toEqual({ error: { code: 'USER_EXISTS', message: 'There is already a user called dana.' } });
    const role = await cli(database, ['user', 'add', 'erik', '--role', 'boss'], 'long-enough-1\n');
    expect(role).toMatchObject({ code: 2, stderr: expect.stringContaining('technician, supervisor, admin') });
    const noPassword = await cli(database, ['user', 'add', 'erik', '--role', 'technician'], '');
    expect(noPassword).toMatchObject({ code: 2, stderr: expect.stringContaining('--generate') });
    const unknown = await cli(database, ['user', 'promote', 'dana']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('user set-role <name> <role>') });
    const nobody = await cli(database, ['user', 'disable', 'nobody']);
    expect(nobody).toMatchObject({ code: 1, stderr: 'There is no user called nobody.\n' });
  }, 120_000);

  it('lists users as a table or as JSON', async () => {
    const table = await cli(database, ['user', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^dana\s+technician\s+enabled$/m);
    expect(table.stdout).toMatch(/^ines\s+admin\s+enabled$/m);
    const json = JSON.parse((await cli(database, ['user', 'list', '--json'])).stdout);
    expect(json.users.map((u: { username: string }) => u.username)).toEqual(['dana', 'ines', 'omar']);
  }, 120_000);

  it('disable ends a live sign-in at once, enable lets the user back in; set-role changes what sign-in reports', async () => {
    const dana = await new ApiClient(server.url).login('ines', 'ines-secret-1');
    await cli(database, ['user', 'reset-password', 'dana'], 'danas-password\n');
    const danaClient = await new ApiClient(server.url).login('dana', 'danas-password');
    expect((await danaClient.request('GET', '/sync/pull?limit=1')).status).toBe(200);

    expect(await cli(database, ['user', 'disable', 'dana'])).toMatchObject({ code: 0, stdout: 'Disabled dana and signed them out everywhere.\n' });
    expect(await danaClient.request('GET', '/sync/pull?limit=1')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect((await signIn('dana', 'danas-password')).status).toBe(401);
    expect(await cli(database, ['user', 'enable', 'dana'])).toMatchObject({ code: 0, stdout: 'Enabled dana: they can sign in again.\n' });
    expect((await signIn('dana', 'danas-password')).status).toBe(200);

    expect(await cli(database, ['user', 'set-role', 'dana', 'supervisor'])).toMatchObject({ code: 0, stdout: 'dana is now a supervisor.\n' });
    expect((await signIn('dana', 'danas-password')).body.user.role).toBe('supervisor');
    expect(await cli(database, ['user', 'set-role', 'ines', 'technician'])).toMatchObject({ code: 1, stderr: expect.stringContaining('last enabled admin') });
    expect((await dana.request('GET', '/admin/users')).status).toBe(200);
  }, 120_000);

  it('reset-password ends every sign-in and only the new password works', async () => {
    const before = await new ApiClient(server.url).login('dana', 'danas-password');
    const reset = await cli(database, ['user', 'reset-password', 'dana', '--generate', '--json']);
    expect(reset.code).toBe(0);
    const { generatedPassword } = JSON.parse(reset.stdout);
    expect((await before.request('GET', '/sync/pull?limit=1')).status).toBe(401);
    expect((await signIn('dana', 'danas-password')).status).toBe(401);
    expect((await signIn('dana', generatedPassword)).status).toBe(200);
  }, 120_000);
});
