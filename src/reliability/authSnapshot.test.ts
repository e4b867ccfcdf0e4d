// Every route's auth declaration is a reviewed record: a change without an updated snapshot fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { committedAuthSnapshot, renderAuthSnapshot, snapshotDiff } from './routeSnapshot.js';

describe('auth declaration snapshot', () => {
  it('src/reliability/auth-snapshot.txt matches every route’s config.auth', async () => {
    const committed = committedAuthSnapshot();
    const rendered = await renderAuthSnapshot();
    const { added, removed } = snapshotDiff(committed, rendered);
    assert.ok(
      added.length === 0 && removed.length === 0,
      `auth declarations changed without review; run \`npm run check:reliability -- --only snapshot --update\` and review the diff.\n+ ${added.join('\n+ ')}\n- ${removed.join('\n- ')}`,
    );
  });

  it('the comparison notices a changed declaration', () => {
    const base = 'GET /api/x case.read\n';
    assert.deepEqual(snapshotDiff(base, 'GET /api/x public\n'), {
      added: ['GET /api/x public'],
      removed: ['GET /api/x case.read'],
    });
  });
});
