// Finds Debian's Chromium for the browser tests, installing it with apt-get when that is possible.
// Never downloads a test tool's own browser build (that fails on machines without open internet).
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const HOW =
  'Install Debian\'s Chromium first ("sudo apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium binary.';

function canApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Returns the Chromium path, or null with a one-line reason printed. */
export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROMIUM_PATH=${fromEnv} does not exist. ${HOW}`);
    return null;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  if (install && canApt()) {
    console.log("Installing Debian's chromium for the browser tests (apt-get)…");
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      console.error(`apt-get could not install chromium. ${HOW}`);
      return null;
    }
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(`No Chromium found for the browser tests. ${HOW}`);
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findChromium();
  if (!path) process.exit(1);
  console.log(path);
}
