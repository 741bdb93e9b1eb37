import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * A host developer's first hour, scripted: the package packed as `npm publish` would (`npm pack`),
 * installed from the tarball into a fresh folder beside what a Vite + TypeScript React app needs
 * (the versions this repository uses), a React app written by hand and built with Vite, a plain
 * HTML page that loads the standalone module with no bundler, and a TypeScript file typed against
 * the installed package with `skipLibCheck: false` and no `@types/react`. One install serves all three.
 */

const root = resolve(__dirname, '../..');
export const FORM = { id: 'disclosure-record', version: '1.0.0' };

/** The versions we build with, so the host app is what our own CI already knows works. */
function ourVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** npm run from vitest (inside `npm test`) inherits npm_* settings meant for this repository: not for the host. */
function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || /^npm_config_(cache|registry|userconfig)$/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

const run = async (cmd: string, args: string[], cwd: string, env = hostEnv()) => (await promisify(execFile)(cmd, args, { cwd, env, encoding: 'utf8', timeout: 180_000, maxBuffer: 16 << 20 })).stdout;

export interface HostApp {
  dir: string;
  tarball: string;
  /** What `npm pack` put in the tarball (paths inside the package). */
  packed: string[];
  /** Top-level packages in the host's node_modules (`@scope/name` for scoped ones). */
  installed: string[];
  /** Bytes under node_modules, and of it the runtime's own dependencies (what a host adds by installing it). */
  nodeModulesBytes: number;
  /** `tsc -p tsconfig.types.json` output (empty when the types compile). */
  typeErrors: string;
  /** The built React app (Vite's dist/). */
  appDist: string;
  timings: Record<string, number>;
}

function du(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((t, e) => t + du(join(path, e)), 0);
}

function topLevel(nodeModules: string): string[] {
  return readdirSync(nodeModules)
    .filter((n) => !n.startsWith('.'))
    .flatMap((n) => (n.startsWith('@') ? readdirSync(join(nodeModules, n)).map((m) => `${n}/${m}`) : [n]));
}

export async function setUpHostApp(dir: string, apiBase: string): Promise<HostApp> {
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await f();
    } finally {
      timings[name] = Date.now() - t0;
    }
  };
  const packOut = await time('pack', () => run('npm', ['pack', '--json', '--pack-destination', dir], root, hostEnv({ npm_config_loglevel: 'error' })));
  const manifest = (JSON.parse(packOut) as Array<{ filename: string; files: Array<{ path: string }> }>)[0]!;
  const tarball = join(dir, manifest.filename);
  const app = join(dir, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeHostFiles(app, apiBase);
  const pinned = ['react', 'react-dom', 'vite', '@vitejs/plugin-react', 'typescript'].map((n) => `${n}@${ourVersion(n)}`);
  await time('install', () => run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...pinned], app));
  // The type check and the build side by side: each is mostly one core's work.
  const [typeErrors] = await Promise.all([
    time('tsc', () =>
      run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json'], app).then(
        () => '',
        (e: { stdout?: string }) => String(e.stdout || e),
      ),
    ),
    // Vite takes NODE_ENV over `mode`; under vitest it is 'test' (React's development build).
    time('vite build', () => run(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], app, hostEnv({ NODE_ENV: 'production' }))),
  ]);
  const nodeModules = join(app, 'node_modules');
  return {
    dir: app,
    tarball,
    packed: manifest.files.map((f) => f.path),
    installed: topLevel(nodeModules),
    nodeModulesBytes: du(nodeModules),
    typeErrors,
    appDist: join(app, 'dist'),
    timings,
  };
}

/** The host's own files, as a developer would write them from the README. */
function writeHostFiles(app: string, apiBase: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'host-app', private: true, type: 'module' }, null, 2),
    'vite.config.mjs': "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()], base: './' };\n",
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>React host</title></head>
  <body><main><div id="root"></div><p id="received"></p></main><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
    // The React path: the component, the definition and the validator read cross-origin from the product's server.
    'src/main.tsx': `import { createRoot } from 'react-dom/client';
import { AssessmentForm, type Definition, type ResponseEnvelope, type ValidateFunction } from 'assessment-studio';
import 'assessment-studio/styles.css';

const api = ${JSON.stringify(apiBase)};
const path = '${FORM.id}/${FORM.version}';

function received(response: ResponseEnvelope) {
  (window as unknown as { __received: ResponseEnvelope }).__received = response;
  document.getElementById('received')!.textContent = 'received ' + response.status;
}

async function start() {
  const definition = (await (await fetch(api + '/api/forms/' + path)).json()) as Definition;
  const { validate } = (await import(/* @vite-ignore */ api + '/validators/' + path + '.js')) as { validate: ValidateFunction };
  createRoot(document.getElementById('root')!).render(<AssessmentForm definition={definition} validator={validate} onSubmit={received} />);
}
void start();
`,
    // The plain path: no bundler, one module script, the element loading a published form by api-base.
    'plain.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8"><link rel="icon" href="data:,"><title>Plain host</title>
    <link rel="stylesheet" href="node_modules/assessment-studio/dist/lib/styles.css">
    <script type="module" src="node_modules/assessment-studio/dist/lib/standalone.js"></script>
  </head>
  <body>
    <main>
      <assessment-form form-id="${FORM.id}" version="${FORM.version}" api-base="${apiBase}"></assessment-form>
      <p id="received"></p>
    </main>
    <script type="module">
      document.querySelector('assessment-form').addEventListener('assessment-submit', (event) => {
        window.__received = event.detail.response;
        document.getElementById('received').textContent = 'received ' + event.detail.response.status;
      });
    </script>
  </body>
</html>
`,
    // A non-React host's TypeScript: the element, mount and the protocol, strictly typed.
    'src/host-types.ts': `import 'assessment-studio/element';
import { mount, memoryStorage, type MountOptions, type MountedForm } from 'assessment-studio/mount';
import { frameMessageSchema } from 'assessment-studio/embed-protocol';

const element: HTMLElementTagNameMap['assessment-form'] | null = document.querySelector('assessment-form');
element?.addEventListener('assessment-submit', (event) => console.log(event.detail.response.answers));
element?.addEventListener('assessment-error', (event) => console.log(event.detail.message));
const created = document.createElement('assessment-form');
created.setAttribute('form-id', '${FORM.id}');
const options: MountOptions = { definition: created.definition!, storage: memoryStorage(), onSubmit: (response) => console.log(response.status) };
const form: MountedForm = mount(document.body, options);
void form.ready;
window.addEventListener('message', (event) => console.log(frameMessageSchema.safeParse(event.data).success));
`,
    'tsconfig.types.json': JSON.stringify(
      {
        compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, skipLibCheck: false, noEmit: true, lib: ['es2022', 'dom', 'dom.iterable'], types: [] },
        files: ['src/host-types.ts'],
      },
      null,
      2,
    ),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text);
}
