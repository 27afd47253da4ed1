import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Role, Username, type Account, type AccountResponse } from '../../shared/sync/accounts';
import { createAccount, listAccounts, resetPasswordGenerated, updateAccount } from '../services/accounts';
import { serviceContext, type ServiceContext } from '../services/context';
import { withCommandDatabase } from './database';
import { CommandError, runCommand, type CommandAnswer } from './output';

const USAGE = `Usage: npm run server -- user <command> [--data <folder>] [--json]
  user add <name> --role technician|supervisor|admin [--generate]   (password on stdin unless --generate)
  user list
  user set-role <name> <role>
  user reset-password <name> [--generate]                           (password on stdin unless --generate)
  user disable <name>
  user enable <name>
DATABASE_URL=postgres://… works on PostgreSQL instead of the SQLite file in --data.`;

type Command = (ctx: ServiceContext, names: string[], flags: Flags) => Promise<CommandAnswer>;
interface Flags {
  role?: string;
  generate: boolean;
}

const COMMANDS: Record<string, Command> = {
  async add(ctx, [name], { role, generate }) {
    const username = parse(Username, name, 'Name the user: user add <name> --role <role>.');
    const result = await createAccount(ctx, {
      username,
      role: parse(Role, role, 'Give the user a role: --role technician, supervisor or admin.'),
      password: generate ? undefined : await passwordFromStdin(),
    });
    return [`Added ${result.user.role} ${result.user.username}.${withPassword(result)}`, result];
  },
  async list(ctx) {
    const users = await listAccounts(ctx);
    const lines = users.map((u: Account) => `${u.username.padEnd(20)} ${u.role.padEnd(11)} ${u.disabled ? 'disabled' : 'enabled'}`);
    return [users.length ? lines.join('\n') : 'There are no users yet. Add the first admin with: npm run server -- user add <name> --role admin', { users }];
  },
  async 'set-role'(ctx, [name, role]) {
    const result = await updateAccount(ctx, username(name), { role: parse(Role, role, 'Say which role: user set-role <name> <role>.') });
    return [`${result.user.username} is now a ${result.user.role}.`, result];
  },
  async 'reset-password'(ctx, [name], { generate }) {
    const result = generate ? await resetPasswordGenerated(ctx, username(name)) : await updateAccount(ctx, username(name), { password: await passwordFromStdin() });
    return [`Set a new password for ${result.user.username} and signed them out everywhere.${withPassword(result)}`, result];
  },
  async disable(ctx, [name]) {
    const result = await updateAccount(ctx, username(name), { disabled: true });
    return [`Disabled ${result.user.username} and signed them out everywhere.`, result];
  },
  async enable(ctx, [name]) {
    const result = await updateAccount(ctx, username(name), { disabled: false });
    return [`Enabled ${result.user.username}: they can sign in again.`, result];
  },
};

/** Every `user` command, for the docs test. */
export const USER_COMMANDS = Object.keys(COMMANDS);

/** `npm run server -- user …`: the same account service as the admin API, on the server's database. */
export async function runUserCommand(argv: string[]): Promise<void> {
  await runCommand(argv, USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { data: { type: 'string' }, role: { type: 'string' }, generate: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    });
    const [name, ...names] = positionals;
    const command = name ? COMMANDS[name] : undefined;
    if (!command) throw new CommandError(name ? `There is no user command "${name}".\n${USAGE}` : USAGE, 2, 'USAGE');
    return withCommandDatabase(values.data, (database) => command(serviceContext(database), names, { role: values.role, generate: values.generate }));
  });
}

const withPassword = (result: AccountResponse) =>
  result.generatedPassword ? `\nPassword (shown only now, hand it over safely): ${result.generatedPassword}` : '';

const username = (name: string | undefined) => parse(Username, name, 'Name the user.');

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, missing: string): T {
  if (value === undefined) throw new CommandError(missing, 2, 'USAGE');
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError(parsed.error.issues[0]!.message, 2, 'VALIDATION_FAILED');
  return parsed.data;
}

/** One line from stdin: piped (`echo … |`, a file) or typed. Never an argument, which would land in the shell's history. */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (one line): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new CommandError('Type the password as one line on standard input, or pass --generate.', 2, 'USAGE');
}
