// Browser tests drive Debian's Chromium through playwright-core (no browser downloads here).
// A fresh machine may lack it: install it with apt when we are allowed to.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
if (candidates.some((p) => existsSync(p))) process.exit(0);

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = asRoot ? '' : 'sudo ';
console.log('Chromium not found: installing it with apt-get (needed by the browser tests)…');
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  });
} catch {
  console.error('Could not install Chromium. Install it yourself (apt-get install -y chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
