/**
 * npm run server -- [--port …]                 runs the server (server/cli/serve.ts)
 * npm run server -- user <command> …           manages accounts (server/cli/userCommands.ts)
 * npm run server -- backup|restore …           SQLite backups (server/cli/backupCommands.ts)
 * npm run server -- import assets <file.csv>   the plant's asset register (server/cli/importCommands.ts)
 * npm run server -- export work-orders|assets|hours --out <file.csv>   CSV out (server/cli/exportCommands.ts)
 * npm run server -- renew-feed-epoch           after a PostgreSQL restore (server/cli/feedCommands.ts)
 * npm run server -- compact                    keeps the latest change of each record in the feed (same file)
 * Each loads only what it needs: a quick command does not pay for starting Fastify.
 */
const [command, ...rest] = process.argv.slice(2);
if (command === 'user') void import('./cli/userCommands').then((m) => m.runUserCommand(rest));
else if (command === 'backup' || command === 'restore') void import('./cli/backupCommands').then((m) => m.runBackupCommand(command, rest));
else if (command === 'import') void import('./cli/importCommands').then((m) => m.runImportCommand(rest));
else if (command === 'export') void import('./cli/exportCommands').then((m) => m.runExportCommand(rest));
else if (command === 'renew-feed-epoch') void import('./cli/feedCommands').then((m) => m.runRenewFeedEpoch(rest));
else if (command === 'compact') void import('./cli/feedCommands').then((m) => m.runCompact(rest));
else void import('./cli/serve').then((m) => m.serve(process.argv.slice(2)));
