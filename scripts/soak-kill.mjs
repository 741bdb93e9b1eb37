#!/usr/bin/env node
// Crash soak for the local server (SECURITY.md, issue 11 point 7): start the real server, save
// definitions in a loop through PUT, SIGKILL the process at random moments, check the disk, restart.
// After every kill each definition must be byte-identical to its last saved content or to the content
// of the save in flight, no temporary file may pass for a definition, and nothing outside FORMS_DIR
// may have been written.
//
// A second phase (--publish-kills N) kills the server during publish: afterwards the pair
// (definition file, published.json) is in one of the three states publishing can pass through, and
// publishing again always completes it.
//
//   node scripts/soak-kill.mjs --kills 500 [--publish-kills 50] [--seed 42] [--files 3] [--json]
// Needs dist/node/server.js (npm run build:cli). Exit code 0 when every check held.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import canonicalize from 'canonicalize';

const args = parseArgs(process.argv.slice(2));
const kills = Number(args.kills ?? 500);
const seed = Number(args.seed ?? Date.now() % 2 ** 31);
const fileCount = Number(args.files ?? 3);
const publishKills = Number(args['publish-kills'] ?? 0);
const builtServer = resolve(args.server ?? 'dist/node/server.js');
const random = mulberry32(seed);

const sandbox = mkdtempSync(join(tmpdir(), 'as-soak-'));
const formsDir = join(sandbox, 'forms');
const outsideDir = join(sandbox, 'outside');
const serverTmp = join(sandbox, 'tmp');
for (const d of [formsDir, outsideDir, serverTmp]) mkdirSync(d);
writeFileSync(join(outsideDir, 'sentinel.txt'), 'must never change\n');

const ids = Array.from({ length: fileCount }, (_, i) => `soak-form-${i + 1}`);
/** What each file must hold: its last acknowledged content, or the one in flight at the kill. */
const state = new Map();
for (const id of ids) {
  const text = definitionText(id, 0);
  mkdirSync(join(formsDir, id));
  writeFileSync(join(formsDir, id, '1.0.0.json'), text);
  state.set(id, { committed: text, pending: undefined });
}
// Run a private copy of the bundle: another `npm run build` rewriting dist/ mid-soak must not
// hand a restart half a file. The copy is syntax-checked, and taken again if it caught a rebuild.
const serverPath = join(sandbox, 'bin', 'server.js');
mkdirSync(join(sandbox, 'bin'));
for (let attempt = 0; ; attempt++) {
  copyFileSync(builtServer, serverPath);
  if (spawnSync(process.execPath, ['--check', serverPath]).status === 0) break;
  if (attempt === 10) throw new Error(`${builtServer} does not parse; run npm run build:cli`);
  await sleep(2000);
}
const outsideBefore = snapshot(sandbox, formsDir);

const stats = {
  kills: 0, saves: 0, killedInFlight: 0, landedNew: 0, keptOld: 0, tempsFound: 0, tempsCleaned: 0,
  publishKills: 0, publishStates: { untouched: 0, recordedOnly: 0, complete: 0 }, republished: 0,
  failures: [], seed,
};
const started = Date.now();
let generation = 0;

try {
  while (stats.kills < kills && stats.failures.length === 0) {
    const temps = tempFiles();
    const server = await startServer();
    if (temps.length) {
      const left = tempFiles();
      if (left.length) fail(`temporary files survived a restart: ${left.join(', ')}`);
      else stats.tempsCleaned += temps.length;
    }
    await checkListing(server.url);
    const stop = { stopped: false };
    const workers = ids.map((id) => saveLoop(server.url, id, stop));
    // Let 0–3 saves finish first (however slow the machine), then kill within 40 ms: kills land
    // before, during and after writes and renames rather than always in the first save.
    const target = stats.saves + Math.floor(random() * 4);
    const deadline = Date.now() + 5000;
    while (stats.saves < target && Date.now() < deadline && stats.failures.length === 0) await sleep(2);
    await sleep(Math.floor(random() * 40));
    stop.stopped = true;
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.allSettled(workers);
    stats.kills++;
    verifyDisk();
    if (!args.json && stats.kills % 50 === 0) console.log(`${stats.kills} kills, ${stats.saves} saves acknowledged`);
  }
  while (stats.publishKills < publishKills && stats.failures.length === 0) await publishRound(stats.publishKills + 1);
} finally {
  const report = { ...stats, failures: stats.failures.slice(0, 20), seconds: (Date.now() - started) / 1000, sandbox };
  if (args.json) console.log(JSON.stringify(report));
  else console.log(summary(report));
  if (stats.failures.length === 0 && !args.keep) rmSync(sandbox, { recursive: true, force: true });
  process.exitCode = stats.failures.length ? 1 : 0;
}

async function saveLoop(url, id, stop) {
  const s = state.get(id);
  let etag = `"${sha256(s.committed)}"`;
  while (!stop.stopped) {
    const text = definitionText(id, ++generation);
    s.pending = text;
    let res;
    try {
      res = await fetch(`${url}api/forms/${id}/1.0.0`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag },
        body: text,
      });
      await res.text();
    } catch {
      return; // the server died under this save: the check decides whether it landed
    }
    if (res.status !== 200) {
      fail(`${id}: save answered ${res.status}`);
      return;
    }
    s.committed = text;
    s.pending = undefined;
    etag = res.headers.get('etag');
    stats.saves++;
  }
}

function verifyDisk() {
  for (const id of ids) {
    const s = state.get(id);
    const disk = readFileSync(join(formsDir, id, '1.0.0.json'), 'utf8');
    if (s.pending !== undefined) stats.killedInFlight++;
    if (disk === s.committed) {
      if (s.pending !== undefined) stats.keptOld++;
    } else if (s.pending !== undefined && disk === s.pending) {
      stats.landedNew++;
      s.committed = disk;
    } else {
      fail(`${id}: after kill ${stats.kills} the file is neither its old nor its new content (${disk.length} bytes)`);
    }
    s.pending = undefined;
    for (const name of readdirSync(join(formsDir, id))) {
      if (name === '1.0.0.json') continue;
      if (/^\.as-[0-9a-f]{16}\.tmp$/.test(name)) stats.tempsFound++;
      else fail(`${id}: unexpected file ${name}`);
    }
  }
  for (const name of readdirSync(formsDir)) {
    if (!ids.includes(name) && !/^\.as-[0-9a-f]{16}\.tmp$/.test(name)) fail(`forms dir: unexpected ${name}`);
  }
  const outsideNow = snapshot(sandbox, formsDir);
  if (outsideNow !== outsideBefore) fail(`something outside FORMS_DIR changed:\n${outsideBefore}\n---\n${outsideNow}`);
}

async function checkListing(url) {
  const res = await fetch(`${url}api/forms`);
  const forms = await res.json();
  const listed = forms.map((f) => `${f.id}@${f.versions.map((v) => v.version).join(',')}`).sort();
  const expected = ids.map((id) => `${id}@1.0.0`).sort();
  if (JSON.stringify(listed) !== JSON.stringify(expected)) fail(`listing after restart: ${JSON.stringify(listed)}`);
}

function startServer() {
  const child = spawn(process.execPath, [serverPath], {
    cwd: outsideDir,
    env: { ...process.env, PORT: '0', FORMS_DIR: formsDir, TMPDIR: serverTmp, TMP: serverTmp, TEMP: serverTmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  return new Promise((resolveStart, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({ child, url: m[1], exited });
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

/** One definition published while the server is killed at a random moment, checked, then completed. */
async function publishRound(n) {
  const id = `soak-publish-${n}`;
  const draftText = definitionText(id, 0, 3);
  mkdirSync(join(formsDir, id));
  writeFileSync(join(formsDir, id, '1.0.0.json'), draftText);
  const publishedValue = { ...JSON.parse(draftText), status: 'published' };
  const hash = sha256(canonicalize(publishedValue));
  const publishedText = JSON.stringify(publishedValue, null, 2) + '\n';

  const server = await startServer();
  const attempt = fetch(`${server.url}api/forms/${id}/1.0.0/publish`, { method: 'POST' }).then((r) => r.status, () => 'killed');
  if (random() < 0.5) {
    // Aim at the gap between the two renames: kill as soon as the record names this version.
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && !recordNames(`${id}/1.0.0`)) await sleep(1);
  } else await sleep(Math.floor(random() * 400));
  server.child.kill('SIGKILL');
  await server.exited;
  await attempt;
  stats.publishKills++;

  const file = readFileSync(join(formsDir, id, '1.0.0.json'), 'utf8');
  let record = {};
  try {
    record = JSON.parse(readFileSync(join(formsDir, 'published.json'), 'utf8'));
  } catch (e) {
    if (e.code !== 'ENOENT') return fail(`publish ${n}: published.json is not valid JSON after the kill`);
  }
  const recorded = record[`${id}/1.0.0`];
  if (recorded === undefined && file === draftText) stats.publishStates.untouched++;
  else if (recorded === hash && file === draftText) stats.publishStates.recordedOnly++;
  else if (recorded === hash && file === publishedText) stats.publishStates.complete++;
  else return fail(`publish ${n}: file ${file === draftText ? 'draft' : file === publishedText ? 'published' : 'torn'} with record ${recorded ?? 'absent'}`);

  if (file === draftText) {
    const again = await startServer();
    const status = await fetch(`${again.url}api/forms/${id}/1.0.0/publish`, { method: 'POST' }).then((r) => r.status);
    again.child.kill('SIGKILL');
    await again.exited;
    const final = readFileSync(join(formsDir, id, '1.0.0.json'), 'utf8');
    const finalRecord = JSON.parse(readFileSync(join(formsDir, 'published.json'), 'utf8'));
    if (status !== 200 || final !== publishedText || finalRecord[`${id}/1.0.0`] !== hash) {
      return fail(`publish ${n}: publishing again answered ${status} and left the pair inconsistent`);
    }
    stats.republished++;
  }
  const outsideNow = snapshot(sandbox, formsDir);
  if (outsideNow !== outsideBefore) fail(`publish ${n}: something outside FORMS_DIR changed`);
}

function recordNames(key) {
  try {
    return readFileSync(join(formsDir, 'published.json'), 'utf8').includes(`"${key}"`);
  } catch {
    return false;
  }
}

function tempFiles() {
  const found = [];
  for (const id of ids) for (const name of readdirSync(join(formsDir, id))) if (name.endsWith('.tmp')) found.push(`${id}/${name}`);
  return found;
}

/** Every path and content hash under root except FORMS_DIR: any write outside it changes this text. */
function snapshot(root, skip) {
  const lines = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (full === skip) continue;
      const info = statSync(full);
      if (info.isDirectory()) {
        lines.push(`${relative(root, full)}/`);
        walk(full);
      } else lines.push(`${relative(root, full)} ${sha256(readFileSync(full))}`);
    }
  };
  walk(root);
  return lines.join('\n');
}

/** A loadable draft whose size varies from about 1 KiB to 400 KiB, so kills land at every stage of a write. */
function definitionText(id, n, fixedQuestions) {
  const questions = fixedQuestions ?? 1 + Math.floor(random() ** 2 * 400);
  const properties = {};
  for (let i = 0; i < questions; i++) {
    properties[`q${i}`] = { type: 'string', title: `Question ${i} of save ${n} ${'x'.repeat(Math.floor(random() * 900))}`, maxLength: 500, 'x-code': `q${i}_code` };
  }
  const definition = {
    id,
    version: '1.0.0',
    status: 'draft',
    title: `Soak ${id} save ${n}`,
    source: { document: 'scripts/soak-kill.mjs' },
    changelog: [{ version: '1.0.0', summary: 'Soak test content.' }],
    schema: { type: 'object', properties },
    uischema: { type: 'VerticalLayout', elements: Object.keys(properties).map((k) => ({ type: 'Control', scope: `#/properties/${k}` })) },
  };
  return JSON.stringify(definition, null, 2) + '\n';
}

function summary(r) {
  return [
    `soak-kill: ${r.kills} kills in ${r.seconds.toFixed(1)} s (seed ${r.seed})`,
    `  saves acknowledged: ${r.saves}`,
    `  files with a save in flight at the kill: ${r.killedInFlight} (new content landed: ${r.landedNew}, old content kept: ${r.keptOld})`,
    `  temporary files left by kills: ${r.tempsFound} (removed at the next start: ${r.tempsCleaned})`,
    ...(r.publishKills
      ? [`  kills during publish: ${r.publishKills} (left untouched: ${r.publishStates.untouched}, hash recorded only: ${r.publishStates.recordedOnly}, complete: ${r.publishStates.complete}; completed by publishing again: ${r.republished})`]
      : []),
    r.failures.length ? `  FAILURES:\n    ${r.failures.join('\n    ')}\n  sandbox kept: ${r.sandbox}` : '  every file was its old or its new content; nothing outside FORMS_DIR changed',
  ].join('\n');
}

function fail(message) {
  stats.failures.push(message);
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    if (v !== undefined) out[k] = v;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
    else out[k] = true;
  }
  return out;
}
