import { resolve } from 'node:path';
import { contentHash, printable } from '../../core/index';
import { readDefinitionFile } from '../disk';
import { parseArgs, usageError, UsageError, type Command } from './command';

export const hashCommand: Command = {
  name: 'hash',
  usage: 'assessment-studio hash <definition.json>',
  flags: {},
  async run(args, io) {
    let operands: string[];
    try {
      ({ operands } = parseArgs(this, args));
      if (operands.length !== 1) throw new UsageError('expected one definition file');
    } catch (e) {
      usageError(io, this, e as Error);
      return 2;
    }
    const file = operands[0]!;
    const loaded = await readDefinitionFile(resolve(io.cwd, file));
    if (!loaded.ok) {
      for (const p of loaded.problems) io.err(printable(`${file}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${p.code} ${p.message.replace(/\s+/g, ' ')}`));
      return 1;
    }
    io.out(contentHash(loaded.raw));
    return 0;
  },
};
