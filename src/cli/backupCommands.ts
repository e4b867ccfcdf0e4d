// CLI commands backup and restore of the configured database (DATA_DIR, DATABASE_URL, CONFIG_FILE as the server reads
// them). See backup.ts for what each does on SQLite and PostgreSQL.
import type { Command } from 'commander';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import {
  BackupError,
  backupDatabase,
  configuredTarget,
  restoreDatabase,
  type MigrationLevel,
} from './backup.js';

const KEY_NOTE =
  'The field key (FIELD_KEY, or field.key in DATA_DIR) is not in the backup: keep it apart from the backup, and give the same key to the restored installation, or its ID numbers and phones stay unreadable.';

function describeLevel(level: MigrationLevel): string {
  const missing =
    level.missing.length === 0
      ? 'up to date with this version'
      : `${level.missing.length} migration(s) of this version to apply at the next start`;
  return `${level.applied} migrations, last ${level.last ?? '-'}; ${missing}`;
}

async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`refused: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a consistent backup of the configured database while the server runs (SQLite or pg_dump)',
    )
    .argument('<file>', 'the backup file to write (must not exist)')
    .action(async (file: string) => {
      await run(async () => {
        const target = configuredTarget(loadConfig());
        const report = await backupDatabase(target, file);
        console.log(
          `backup of the ${target.dialect} database written to ${report.file} (${report.bytes} bytes)`,
        );
        console.log(`migration level: ${describeLevel(report.level)}`);
        console.log(KEY_NOTE);
      });
    });

  program
    .command('restore')
    .description(
      'Replace the configured database by a backup, after checking its integrity and migration level',
    )
    .argument('<file>', 'a file written by the backup command')
    .option('--force', 'replace an existing database (kept aside, never deleted)', false)
    .action(async (file: string, opts: { force: boolean }) => {
      await run(async () => {
        const target = configuredTarget(loadConfig());
        const report = await restoreDatabase(target, file, { force: opts.force, now: systemClock().now() });
        console.log(`restored ${file} into the ${target.dialect} database`);
        console.log(`migration level: ${describeLevel(report.level)}`);
        if (report.replacedKeptAs !== null) {
          console.log(`the replaced data is kept as ${report.replacedKeptAs}`);
        }
        console.log(KEY_NOTE);
      });
    });
}
