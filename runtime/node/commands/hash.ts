import { readFile } from 'node:fs/promises';
import { contentHash, loadDefinitionText, printable } from '../../core/index';
import { parseArgs, usageError, UsageError, type Command } from './command';

export const hashCommand: Command = {
  name: 'hash',
  usage: 'assessment-studio hash <definition.json>',
  async run(args, io) {
    let operands: string[];
    try {
      ({ operands } = parseArgs(args, {}));
      if (operands.length !== 1) throw new UsageError('expected one definition file');
    } catch (e) {
      usageError(io, this, e as Error);
      return 2;
    }
    const file = operands[0]!;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      io.err(printable(`${file}: file-unreadable ${(e as NodeJS.ErrnoException).code ?? ''} the file could not be read`.replace('  ', ' ')));
      return 1;
    }
    const loaded = loadDefinitionText(text);
    if (!loaded.ok) {
      for (const p of loaded.problems) io.err(printable(`${file}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${p.code} ${p.message.replace(/\s+/g, ' ')}`));
      return 1;
    }
    io.out(contentHash(loaded.raw));
    return 0;
  },
};
