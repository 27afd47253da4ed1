/**
 * npm run server -- [--port …]        runs the server (server/cli/serve.ts)
 * npm run server -- user <command> …  manages accounts (server/cli/userCommands.ts)
 * Each loads only what it needs: a quick command does not pay for starting Fastify.
 */
const [command, ...rest] = process.argv.slice(2);
if (command === 'user') void import('./cli/userCommands').then((m) => m.runUserCommand(rest));
else void import('./cli/serve').then((m) => m.serve(process.argv.slice(2)));
