// The store's tests start their own PostgreSQL server (test/support/postgres.ts) from Debian's
// binaries. A fresh machine may lack them: install the postgresql package with apt when allowed.
// Only the binaries are needed; the cluster apt may create is never used.
import { existsSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';

const root = '/usr/lib/postgresql';
const found = () => existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'initdb')));
if (found()) process.exit(0);

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = asRoot ? '' : 'sudo ';
console.log('PostgreSQL not found: installing it with apt-get (needed by the response store tests)…');
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql`, { stdio: 'inherit' });
} catch {
  console.error('Could not install PostgreSQL. Install it yourself (apt-get install -y postgresql).');
  process.exit(1);
}
if (!found()) {
  console.error(`apt-get installed postgresql, but no initdb is under ${root}/*/bin.`);
  process.exit(1);
}
