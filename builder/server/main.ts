import { describeLocation, standaloneValidatorModule } from '../../runtime/node/index';
import { configFromEnv } from './config';
import { startStudioServer } from './server';

const PAGES: ReadonlyArray<readonly [string, string]> = [
  ['Builder (policy leads)', ''],
  ['Forms (practitioners)', 'forms/'],
  ['My assessments', 'my-assessments/'],
  ['Responses (data team)', 'responses/'],
];

/** `npm start`: one process for the whole product. The printed line is a contract (test/e2e/support/server.ts). */
async function main(): Promise<void> {
  const config = configFromEnv(process.env, process.cwd());
  const running = await startStudioServer(config, standaloneValidatorModule);
  const bound = config.host === '127.0.0.1' ? '' : ` (listening on ${config.host} port ${running.port})`;
  console.log(`Assessment Studio running at ${running.url}${bound}`);
  // A newcomer who ran `npm start` learns where each kind of user goes, not only the builder.
  for (const [page, path] of PAGES) console.log(`  ${page.padEnd(24)}${running.url}${path}`);
  console.log(`Definitions: ${config.formsDir}`);
  console.log(`Responses: ${describeLocation(config.store)} (opened on the first submission)`);
  if (!running.accountsRequired) {
    // The first person to start the product learns how to stop it being open to anyone at this machine.
    console.log('No accounts yet: single-user local mode (this machine only, no sign-in).');
    console.log('To require sign-in, stop the server and create the administrator:');
    console.log('  npx assessment-studio users add <your-name> --role administrator');
  } else {
    console.log('Sign-in required: accounts exist (npx assessment-studio users list).');
  }
  const stop = () => {
    // Writes in progress finish (each is one atomic rename); new connections are refused.
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(`Assessment Studio could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
