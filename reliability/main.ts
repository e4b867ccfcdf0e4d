// `npm run check:reliability`: the long runs of the reliability suite, bounded, on 127.0.0.1 only (in-process).
//   --only snapshot|matrix|fuzz   run one part (default: all)
//   --update                      with snapshot: rewrite src/reliability/auth-snapshot.txt (review the diff)
//   --short                       CI-sized runs (the fuzz sends 600 requests instead of 10,000)
//   --requests <n>                fuzz requests
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  committedAuthSnapshot,
  renderAuthSnapshot,
  snapshotDiff,
  updateAuthSnapshot,
} from '../src/reliability/routeSnapshot.js';
import { startScopeFixture } from '../src/reliability/fixtures.js';
import { fuzzCallers, fuzzIds } from '../src/reliability/fuzzSetup.js';
import { runFuzz } from '../src/reliability/fuzz.js';
import { checkInvariants } from '../src/reliability/invariants.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const only = value('--only');
const short = flag('--short');
const parts = only === undefined ? ['snapshot', 'matrix', 'fuzz'] : only.split(',');
let failed = false;

if (parts.includes('snapshot')) {
  if (flag('--update')) {
    const r = await updateAuthSnapshot();
    console.log(`snapshot: ${r.lines} routes, ${r.changed ? 'rewritten — review the diff' : 'unchanged'}`);
  } else {
    const { added, removed } = snapshotDiff(committedAuthSnapshot(), await renderAuthSnapshot());
    console.log(`snapshot: ${added.length} added, ${removed.length} removed`);
    failed ||= added.length + removed.length > 0;
  }
}

if (parts.includes('matrix')) {
  // The matrix is a test file; the manual run checks the full route × role cross product.
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      'scripts/test.mjs',
      '--only-db',
      'sqlite',
      '--no-e2e',
      '--no-lint',
      '--no-clock-ahead',
      '--',
      'src/reliability/permissionMatrix',
    ],
    { stdio: 'inherit', env: { ...process.env, RELIABILITY_FULL: short ? '0' : '1' } },
  );
  console.log(`matrix: exit ${r.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  failed ||= r.status !== 0;
}

if (parts.includes('fuzz')) {
  const requests = Number(value('--requests') ?? (short ? 600 : 10000));
  const f = await startScopeFixture();
  try {
    const started = performance.now();
    const report = await runFuzz(f.p.app, fuzzCallers(f), await fuzzIds(f), {
      requests,
      seed: 18,
      progress: (n) => process.stdout.write(`\rfuzz: ${n}/${requests}`),
    });
    const problems = await checkInvariants(f.p.database.db);
    console.log(
      `\nfuzz: ${report.requests} requests over ${report.operations} operations (${report.pairs} operation × caller pairs) in ${((performance.now() - started) / 1000).toFixed(1)} s on ${f.p.database.dialect}`,
    );
    console.log(`fuzz: answers ${JSON.stringify(report.byStatus)}`);
    console.log(`fuzz: ${report.failures.length} failures, ${problems.length} invariant problems`);
    for (const line of [...report.failures, ...problems].slice(0, 20)) {
      console.log(`  ${line}`);
    }
    failed ||= report.failures.length + problems.length > 0;
  } finally {
    await f.p.close();
  }
}

process.exitCode = failed ? 1 : 0;
