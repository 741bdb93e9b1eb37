// Runs npm scripts at the same time and fails when any fails: `npm test` builds and typechecks
// side by side (tsc is one thread; the build's bursts leave the other core idle, so together they
// take about the longer of the two instead of their sum). Each script's output is printed whole
// when it ends, not interleaved line by line.
// usage: node scripts/run-together.mjs <script> [script …]
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/run-together.mjs <npm script> [npm script …]');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((done) => {
        const chunks = [];
        const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        child.on('error', (e) => chunks.push(Buffer.from(`${e.message}\n`)));
        child.on('close', (code, signal) => {
          process.stdout.write(`\n> npm run ${name}\n${Buffer.concat(chunks).toString()}`);
          done({ name, ok: code === 0, how: signal ?? `exit ${code}` });
        });
      }),
  ),
);
const failed = results.filter((r) => !r.ok);
for (const r of failed) console.error(`npm run ${r.name} failed (${r.how})`);
process.exit(failed.length ? 1 : 0);
