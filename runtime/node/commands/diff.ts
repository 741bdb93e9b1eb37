import { resolve } from 'node:path';
import {
  bumpRank, printable, stepIsEnough, suggestVersion, versionStep, type Change, type Definition, type Problem,
} from '../../core/index';
import { displayPath } from '../disk';
import { parseFormatArgs, UsageError, type CliIo, type Command } from './command';
import { loadDefinitionFile } from './validate';

/**
 * `assessment-studio diff <old> <new>`: what changed between two versions of a form, each change
 * classified (docs/versions.md), and the version the changes call for. It reports; it does not
 * judge, so it exits 0 whenever the diff ran (1 only when a file cannot be read as a definition).
 */
export const diffCommand: Command = {
  name: 'diff',
  usage: 'assessment-studio diff [--format text|json] <old-definition.json> <new-definition.json>',
  flags: { format: 'string' },
  async run(args: string[], io: CliIo) {
    const parsed = parseFormatArgs(this, args, io, (given) => {
      if (given.length !== 2) throw new UsageError('expected two definition files: the old version and the new');
      return given;
    });
    if (!parsed) return 2;
    const { format } = parsed;
    const files = parsed.operands as [string, string];
    const loaded = await Promise.all(files.map((f) => loadDefinitionFile(resolve(io.cwd, f))));
    let unreadable = false;
    loaded.forEach((l, i) => {
      for (const p of l.problems) io.err(problemLine(displayPath(resolve(io.cwd, files[i]!), io.cwd), p));
      if (!l.definition) unreadable = true;
    });
    if (unreadable) return 1;
    const [from, to] = loaded.map((l) => l.definition!) as [Definition, Definition];
    const report = diffReport(from, to);
    if (format === 'json') io.out(JSON.stringify(report, null, 2));
    else for (const line of diffText(report)) io.out(printable(line));
    return 0;
  },
};

export interface DiffReport {
  from: { id: string; version: string };
  to: { id: string; version: string };
  bump: ReturnType<typeof suggestVersion>['bump'];
  suggestedVersion: string;
  /** How far the new file's own version rose, and whether that is enough for the changes. */
  versionStep: ReturnType<typeof versionStep>;
  versionEnough: boolean;
  changes: Change[];
}

export function diffReport(from: Definition, to: Definition): DiffReport {
  const { version, bump, changes } = suggestVersion(from, to);
  const step = versionStep(from.version, to.version);
  // Most severe first, keeping the form's order within each severity.
  const sorted = changes.map((c, i) => ({ c, i })).sort((x, y) => bumpRank(y.c.severity) - bumpRank(x.c.severity) || x.i - y.i).map((x) => x.c);
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    bump,
    suggestedVersion: version,
    versionStep: step,
    versionEnough: stepIsEnough(step, bump),
    changes: sorted,
  };
}

export function diffText(r: DiffReport): string[] {
  const count = r.changes.length;
  const name = r.from.id === r.to.id ? `${r.from.id} ${r.from.version} → ${r.to.version}` : `${r.from.id} ${r.from.version} → ${r.to.id} ${r.to.version}`;
  const lines = [`${name}: ${count === 0 ? 'no changes' : `${count} change${count === 1 ? '' : 's'} (${r.bump})`}`];
  const width = Math.max(0, ...r.changes.map((c) => c.kind.length));
  for (const c of r.changes) lines.push(`  ${c.severity.padEnd(5)}  ${c.kind.padEnd(width)}  ${c.summary}`);
  if (r.bump === 'none') lines.push(`Suggested version: ${r.from.version} (nothing changed)`);
  else {
    lines.push(`Suggested version: ${r.suggestedVersion} (${r.bump} change from ${r.from.version})`);
    if (!r.versionEnough) {
      lines.push(`The new file says ${r.to.version}, which is too small: these changes need ${r.suggestedVersion} or later.`);
    }
  }
  return lines;
}

function problemLine(file: string, p: Problem): string {
  return printable(`${file}:${p.line ?? 1}:${p.column ?? 1} ${p.severity} ${p.code} ${p.message.replace(/\s+/g, ' ')}`);
}
