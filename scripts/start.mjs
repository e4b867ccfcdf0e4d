// `npm start`: builds the web console and the server when their sources changed since the last build, then serves the
// platform with plain `node` on the compiled server (tests, the CLI, the bench and `npm run serve` run src/ through tsx).
//
//   node scripts/start.mjs [--build-only]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webBuilt = path.join(root, 'web', 'dist', 'index.html');
const serverBuilt = path.join(root, 'dist', 'server', 'main.js');
const isBuildOnly = process.argv.includes('--build-only');

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function isStale(built, sources) {
  if (!existsSync(built)) {
    return true;
  }
  const builtAt = statSync(built).mtimeMs;
  return sources
    .map((p) => path.join(root, p))
    .filter((p) => existsSync(p))
    .some((p) => newestMtime(p) > builtAt);
}

function buildWeb() {
  process.stdout.write('Building the web console…\n');
  const build = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) {
    process.stderr.write('The web console failed to build.\n');
    process.exit(build.status ?? 1);
  }
}

// One bundle holds every module, so `import.meta.url` would name dist/server/main.js everywhere. Code that finds files
// beside itself (projectRoot in src/server.ts, the district outline in src/demo/seedGrids.ts) gets its own source
// file's URL back, written relative to the bundle, so those files are read where they are and the tree may move.
const ownModuleUrl = {
  name: 'own-module-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) {
        return undefined;
      }
      const relative = path.relative(path.dirname(serverBuilt), args.path).split(path.sep).join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

async function buildServer() {
  process.stdout.write('Building the server…\n');
  const esbuild = await import('esbuild');
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/main.ts'],
      outfile: serverBuilt,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      // Dependencies stay in node_modules (native addons, JSON reference data is inlined from src/).
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
      plugins: [ownModuleUrl],
    });
  } catch {
    process.stderr.write('The server failed to build.\n');
    process.exit(1);
  }
}

if (isStale(webBuilt, ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'])) {
  buildWeb();
}
if (isStale(serverBuilt, ['src', 'scripts/start.mjs', 'tsconfig.json', 'package-lock.json'])) {
  await buildServer();
}

if (!isBuildOnly) {
  const server = spawn(process.execPath, ['--enable-source-maps', serverBuilt], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => server.kill(signal));
  }
  server.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
}
