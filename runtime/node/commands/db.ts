import { printable } from '../../core/index';
import { describeLocation, migrateStore, newKeyText, storeLocation, storeStatus } from '../store/index';
import { parseArgs, parsedOrUsage, usageError, UsageError, type Command } from './command';

/**
 * `db migrate`: bring the response store's schema to this code's (PGlite under DATA_DIR, or the
 * server of DATABASE_URL). `db status`: where it is and which steps are pending, changing nothing.
 * Exit codes: 0 up to date (or migrated), 1 steps pending or the database refused (newer than
 * this code, or its steps differ from ours), 2 bad arguments.
 */
export const dbCommand: Command = {
  name: 'db',
  usage: 'assessment-studio db migrate|status   (DATABASE_URL, else PGlite under DATA_DIR, default ./data)',
  flags: {},
  async run(args, io) {
    const action = parsedOrUsage(io, this, () => {
      const [first, ...rest] = parseArgs(this, args).operands;
      if ((first !== 'migrate' && first !== 'status') || rest.length) throw new UsageError(first === undefined ? 'expected migrate or status' : `unexpected ${[first, ...rest].join(' ')}`);
      return first;
    });
    if (!action) return 2;
    const at = storeLocation(io.env ?? process.env, io.cwd);
    const where = printable(describeLocation(at));
    try {
      if (action === 'migrate') {
        const applied = await migrateStore(at);
        for (const step of applied) io.out(`applied ${String(step.version).padStart(3, '0')}-${step.name}`);
        io.out(`${where}: schema up to date${applied.length ? '' : ' (nothing to apply)'}`);
        return 0;
      }
      const status = await storeStatus(at);
      io.out(`${where}: schema step ${status.current} of ${status.latest}`);
      for (const step of status.pending) io.out(`pending ${String(step.version).padStart(3, '0')}-${step.name}`);
      return status.pending.length ? 1 : 0;
    } catch (e) {
      io.err(printable(`${where}: ${e instanceof Error ? e.message : String(e)}`));
      return 1;
    }
  },
};

/** `key`: a new RESPONSES_KEY (32 random bytes, base64) on stdout. */
export const keyCommand: Command = {
  name: 'key',
  usage: 'assessment-studio key   (prints a new RESPONSES_KEY)',
  flags: {},
  async run(args, io) {
    try {
      if (parseArgs(this, args).operands.length) throw new UsageError('key takes no arguments');
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      usageError(io, this, e);
      return 2;
    }
    io.out(newKeyText());
    return 0;
  },
};
