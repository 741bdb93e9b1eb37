import { appendFileSync } from 'node:fs';
import { withPublishLock } from '../../runtime/node/publishLock';

/**
 * One publisher process for test/integration/publish-lock-processes.test.ts: takes the publish
 * lock of `formsDir`, logs `<label> in`, holds it `holdMs`, logs `<label> out`. Bundled by the test
 * with esbuild, so it runs as a real separate process with no TypeScript loader.
 */
const [formsDir, label, holdMs, log] = process.argv.slice(2);
await withPublishLock(
  formsDir!,
  async () => {
    appendFileSync(log!, `${label} in\n`);
    await new Promise((r) => setTimeout(r, Number(holdMs)));
    appendFileSync(log!, `${label} out\n`);
  },
  { timeoutMs: 30_000 },
);
