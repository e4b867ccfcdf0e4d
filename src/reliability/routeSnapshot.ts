// The reviewed record of every guarded route's auth declaration (src/reliability/auth-snapshot.txt): one line per
// method and path with its `config.auth`. The test fails when a declaration changes and the file was not updated with
// `npm run check:reliability -- --only snapshot --update`, so every change of who may call what is seen in review.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { buildApp, type App } from '../platform/http/app.js';
import { appParts } from '../modules.js';
import { createServices } from '../platform/services.js';

export const authSnapshotFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'auth-snapshot.txt');

const header = `# Every guarded route and its auth declaration (config.auth): public, authenticated, or a policy action.
# Reviewed record: update with \`npm run check:reliability -- --only snapshot --update\` and review the diff.
`;

/** The snapshot text of an app's auth decisions: sorted, one `METHOD path auth` line each (HEAD follows GET). */
export function authSnapshotOf(app: App): string {
  const lines = new Set<string>();
  for (const d of app.authDecisions) {
    if (d.method !== 'HEAD') {
      lines.add(`${d.method} ${d.url} ${d.auth}`);
    }
  }
  return header + [...lines].sort().join('\n') + '\n';
}

/** Builds the app without listening on a throwaway SQLite database and renders its snapshot. */
export async function renderAuthSnapshot(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tx-auth-snapshot-'));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'snapshot.sqlite') });
  try {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'false' });
    await migrate(database);
    const app = await buildApp(
      {
        config,
        database,
        logger: pino({ level: 'silent' }),
        services: createServices(config, database),
        webDir: null,
      },
      appParts,
    );
    try {
      await app.ready();
      return authSnapshotOf(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function committedAuthSnapshot(): string {
  try {
    return readFileSync(authSnapshotFile, 'utf8');
  } catch {
    return '';
  }
}

export async function updateAuthSnapshot(): Promise<{ changed: boolean; lines: number }> {
  const text = await renderAuthSnapshot();
  const changed = text !== committedAuthSnapshot();
  if (changed) {
    writeFileSync(authSnapshotFile, text);
  }
  return { changed, lines: text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length };
}

/** Lines only in one of two snapshots, for a readable failure. */
export function snapshotDiff(committed: string, rendered: string): { added: string[]; removed: string[] } {
  const a = new Set(committed.split('\n').filter((l) => l !== '' && !l.startsWith('#')));
  const b = new Set(rendered.split('\n').filter((l) => l !== '' && !l.startsWith('#')));
  return { added: [...b].filter((l) => !a.has(l)), removed: [...a].filter((l) => !b.has(l)) };
}
