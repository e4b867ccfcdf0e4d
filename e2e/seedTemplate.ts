// Generate the demo district once into a data directory that every end-to-end test file then copies
// (E2E_TEMPLATE_DIR): the real server seeds it on its first start and is stopped cleanly, as a district would stop it.
//
//   node --import tsx e2e/seedTemplate.ts <directory>
import { cp, rm } from 'node:fs/promises';
import { startApp } from './harness.js';

const target = process.argv[2];
if (target === undefined || target === '') {
  console.error('usage: node --import tsx e2e/seedTemplate.ts <directory>');
  process.exit(2);
}
const app = await startApp({ fresh: true, keepData: true });
await app.stop();
await rm(target, { recursive: true, force: true });
await cp(app.dataDir, target, { recursive: true });
await rm(app.dataDir, { recursive: true, force: true });
console.log(`demo district generated into ${target}`);
