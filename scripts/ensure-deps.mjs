// Installs the project's dependencies (npm ci) when they are missing, so that `npm test` and
// `npm run demo` work straight after cloning. Does nothing when node_modules is already installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}node_modules/.package-lock.json`)) {
  console.error('> install dependencies (npm ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Installing the dependencies failed (see above). Check the network access to the npm registry and run `npm ci` again.');
    process.exit(result.status ?? 1);
  }
}
