import { commands } from './commands/index';
import type { CliIo } from './commands/command';

/**
 * `assessment-studio <command> …`. Exit codes: 0 clean, 1 problems found, 2 bad arguments.
 * Compiled to dist/node/cli.js by scripts/build-cli.mjs so start-up needs no TypeScript loader.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const usage = `usage: assessment-studio <${Object.keys(commands).join('|')}> [options]`;
  if (!name || name === '--help' || name === '-h') {
    (name ? io.out : io.err)(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`assessment-studio: unknown command "${name}"\n${usage}`);
    return 2;
  }
  return command.run(args, io);
}

// `assessment-studio lint | head` closes the pipe early: that is the reader's choice, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  cwd: process.cwd(),
};
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`assessment-studio: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
