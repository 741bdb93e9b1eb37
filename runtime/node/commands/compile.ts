import { resolve } from 'node:path';
import { displayPath, writeFileAtomic } from '../disk';
import { tryStandaloneValidatorModule } from '../standalone';
import { printable, type Problem } from '../../core/index';
import { parseArgs, usageError, UsageError, type CliIo, type Command } from './command';
import { fileProblem, problemLine } from './lint';
import { outTarget } from './out-path';
import { loadDefinitionFile } from './validate';

/**
 * `compile <definition> [--out file]`: the ahead-of-time validator of a definition, an ES module
 * exporting `validate`, for pages served under a Content Security Policy without 'unsafe-eval'.
 * It is generated from the (hash-checked) definition every time, never kept as editable code.
 */
export const compileCommand: Command = {
  name: 'compile',
  usage: 'assessment-studio compile <definition.json> [--out validator.js [--force]]',
  flags: { out: 'string', force: 'boolean' },
  async run(args: string[], io: CliIo) {
    let file: string;
    let out: string | undefined;
    try {
      const parsed = parseArgs(this, args);
      if (parsed.operands.length !== 1) throw new UsageError('expected one definition file');
      file = resolve(io.cwd, parsed.operands[0]!);
      const given = parsed.flags.out as string | undefined;
      out = given === undefined ? undefined : await outTarget(given, io.cwd, parsed.flags.force === true);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      usageError(io, this, e);
      return 2;
    }
    const shown = displayPath(file, io.cwd);
    // The one-line form of lint, hash and publish, code included, so a file gets the same verdict from each.
    const report = (problems: Problem[]) => {
      for (const p of problems) io.err(problemLine(fileProblem(shown, p)));
      return 1;
    };
    const loaded = await loadDefinitionFile(file);
    if (!loaded.definition || loaded.problems.length) return report(loaded.problems);
    const module = tryStandaloneValidatorModule(loaded.definition);
    if (!module.ok) return report(loaded.locate(module.problems));
    if (out === undefined) {
      io.out(module.value);
      return 0;
    }
    try {
      await writeFileAtomic(out, module.value);
    } catch (e) {
      io.err(printable(`${displayPath(out, io.cwd)}: the validator could not be written (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
      return 1;
    }
    io.err(`wrote ${printable(displayPath(out, io.cwd))}`);
    return 0;
  },
};
