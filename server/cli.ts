import { runUserCommand } from './cli/userCommands';
import { serve } from './cli/serve';

/**
 * npm run server -- [--port …]        runs the server (server/cli/serve.ts)
 * npm run server -- user <command> …  manages accounts (server/cli/userCommands.ts)
 */
const [command, ...rest] = process.argv.slice(2);
if (command === 'user') void runUserCommand(rest);
else void serve(process.argv.slice(2));
