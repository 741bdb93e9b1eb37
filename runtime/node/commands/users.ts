import { parseArgs } from 'node:util';
import { printable } from '../../core/index';
import { openAccountStore } from '../accounts/open';
import { newPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts/password';
import { isRole, ROLES, validUsername, type Role } from '../accounts/roles';
import { describeLocation, storeLocation } from '../store/open';
import { parsedOrUsage, UsageError, type CliIo, type Command } from './command';

const USAGE = `assessment-studio users add <name> --role <${ROLES.join('|')}> [--role …] [--password-stdin] | list [--format json] | disable <name> | reset-password <name> [--password-stdin]`;

interface Parsed {
  action: 'add' | 'list' | 'disable' | 'reset-password';
  name?: string;
  roles: Role[];
  passwordStdin: boolean;
  json: boolean;
}

function parse(args: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { role: { type: 'string', multiple: true }, 'password-stdin': { type: 'boolean' }, format: { type: 'string' } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [action, name, ...extra] = parsed.positionals;
  if (action !== 'add' && action !== 'list' && action !== 'disable' && action !== 'reset-password') {
    throw new UsageError(action === undefined ? 'expected add, list, disable or reset-password' : `unknown action "${action}"`);
  }
  if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
  if (action === 'list' ? name !== undefined : name === undefined) throw new UsageError(action === 'list' ? 'list takes no name' : `${action} needs an account name`);
  if (name !== undefined && !validUsername(name)) throw new UsageError(`"${name}" is not an account name: lower-case letters, digits, ".", "_" or "-", up to 64`);
  const roles = parsed.values.role ?? [];
  if (action === 'add' && roles.length === 0) throw new UsageError(`add needs --role (${ROLES.join(', ')})`);
  if (action !== 'add' && roles.length) throw new UsageError('--role goes with add');
  if (action !== 'add' && action !== 'reset-password' && parsed.values['password-stdin']) throw new UsageError('--password-stdin goes with add or reset-password');
  const unknown = roles.find((r) => !isRole(r));
  if (unknown !== undefined) throw new UsageError(`unknown role "${unknown}" (${ROLES.join(', ')})`);
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (format === 'json' && action !== 'list') throw new UsageError('--format goes with list');
  return { action, name, roles: [...new Set(roles)] as Role[], passwordStdin: parsed.values['password-stdin'] === true, json: format === 'json' };
}

/** The password for `add` and `reset-password`: the first line of stdin with --password-stdin, else a new random one shown once. */
async function password(io: CliIo, fromStdin: boolean): Promise<{ password: string; generated: boolean } | string> {
  if (!fromStdin) return { password: newPassword(), generated: true };
  const text = (await io.stdin?.()) ?? '';
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (line.length < PASSWORD_MIN_LENGTH) return `the password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (line.length > PASSWORD_MAX_LENGTH) return `the password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return { password: line, generated: false };
}

/**
 * `users add|list|disable|reset-password`: the accounts of the store's database (DATABASE_URL, else PGlite under
 * DATA_DIR), which the server reads. The first administrator is made here, before the server asks
 * anyone to sign in. Accounts are never deleted, only disabled (their sessions end at once).
 * Exit codes: 0 done, 1 refused (name taken, no such account, database unreachable), 2 bad arguments.
 */
export const usersCommand: Command = {
  name: 'users',
  usage: USAGE,
  // For --help; `parse` reads them itself, as --role may be given more than once.
  flags: { role: 'string', 'password-stdin': 'boolean', format: 'string' },
  async run(args, io) {
    const p = parsedOrUsage(io, this, () => parse(args));
    if (!p) return 2;
    const at = storeLocation(io.env ?? process.env, io.cwd);
    const where = printable(describeLocation(at));
    let secret: { password: string; generated: boolean } | undefined;
    if (p.action === 'add' || p.action === 'reset-password') {
      const got = await password(io, p.passwordStdin);
      if (typeof got === 'string') {
        io.err(`assessment-studio users: ${got}`);
        return 1;
      }
      secret = got;
    }
    let opened: Awaited<ReturnType<typeof openAccountStore>>;
    try {
      opened = await openAccountStore(at);
    } catch (e) {
      io.err(printable(`${where}: ${e instanceof Error ? e.message : String(e)}`));
      return 1;
    }
    try {
      if (p.action === 'list') {
        const list = await opened.accounts.list();
        if (p.json) io.out(JSON.stringify(list));
        else for (const a of list) io.out(`${a.username}\t${a.roles.join(',')}\t${a.disabledAt ? `disabled ${a.disabledAt}` : 'enabled'}`);
        return 0;
      }
      if (p.action === 'disable') {
        if (!(await opened.accounts.disable(p.name!))) {
          io.err(`assessment-studio users: no account ${p.name}`);
          return 1;
        }
        io.out(`disabled ${p.name} (its sessions ended)`);
        return 0;
      }
      if (p.action === 'reset-password') {
        const outcome = await opened.accounts.resetPassword(p.name!, secret!.password);
        if (outcome !== 'reset') {
          io.err(`assessment-studio users: ${outcome === 'disabled' ? `${p.name} is disabled (a disabled account stays disabled)` : `no account ${p.name}`}`);
          return 1;
        }
        io.out(`reset the password of ${p.name} (its sessions ended)`);
        showOnce(io, secret!);
        return 0;
      }
      if (!(await opened.accounts.add(p.name!, p.roles, secret!.password))) {
        io.err(`assessment-studio users: the name ${p.name} is taken (accounts are disabled, never deleted)`);
        return 1;
      }
      io.out(`added ${p.name} (${p.roles.join(', ')}) in ${where}`);
      showOnce(io, secret!);
      // The server reads whether accounts exist when it starts (builder/server/accounts.ts).
      io.err('A server already running on this store requires sign-in from its next start: restart it.');
      return 0;
    } finally {
      await opened.close();
    }
  },
};

/** A password the command made is printed once, for its owner; one read from stdin never is. */
function showOnce(io: CliIo, secret: { password: string; generated: boolean }): void {
  if (!secret.generated) return;
  io.out(`password: ${secret.password}`);
  io.err('The password is shown this once: give it to its owner by a safe route.');
}
