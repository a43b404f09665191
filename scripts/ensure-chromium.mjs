// Finds a Chromium for the browser tests, installing Debian's package with apt when none is found.
// Never downloads a browser build of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(wanted)) {
  console.log(`Chromium found: ${wanted}`);
  process.exit(0);
}
if (process.env.FAULTLINE_CHROMIUM) {
  console.error(`FAULTLINE_CHROMIUM points to ${wanted}, which does not exist.`);
  process.exit(1);
}
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!hasApt) {
  console.error('No Chromium at /usr/bin/chromium and no apt-get to install it.');
  console.error('Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), or set FAULTLINE_CHROMIUM=/path/to/chromium.');
  process.exit(1);
}
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = root ? [] : ['sudo', '-n'];
const run = (args) => {
  const [cmd, ...rest] = [...sudo, ...args];
  console.log(`$ ${[cmd, ...rest].join(' ')}`);
  execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
try {
  for (let attempt = 1; ; attempt++) {
    try {
      run(['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'update']);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`apt-get update failed (attempt ${attempt}); retrying in 10 s`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
  run(['apt-get', 'install', '-y', '-o', 'DPkg::Lock::Timeout=600', 'chromium']);
} catch {
  console.error('Could not install Chromium with apt. Install it yourself: `sudo apt-get install chromium` (Debian), then run the tests again.');
  process.exit(1);
}
if (!existsSync(wanted)) {
  console.error(`apt installed chromium but ${wanted} is still missing.`);
  process.exit(1);
}
console.log(`Chromium installed: ${wanted}`);
