// Command-line tools: `npm run cli -- <command> --help`.
import { Command } from 'commander';
// The HTTP app first: it loads the module registry before any module, as the server does.
import '../platform/http/app.js';
import { registerBackupCommands } from './backupCommands.js';
import { registerOrgCommands } from './orgCommands.js';

const program = new Command('tongxin').description('同心 Tongxin command-line tools');
registerOrgCommands(program);
registerBackupCommands(program);
await program.parseAsync(process.argv);
