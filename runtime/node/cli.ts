import type { CliIo } from './commands/command';
import { MissingPeerError } from './missingPeer';
import { runCommand } from './run';

/**
 * The `assessment-studio` executable: `runCommand` on the process's arguments and streams.
 * Compiled to dist/node/cli.js by scripts/build-cli.mjs so start-up needs no TypeScript loader.
 */

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
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};
runCommand(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof MissingPeerError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`assessment-studio: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
