import { checkRepresentable, lintText, loadDefinitionText, type Definition, type Problem } from '../../../runtime/core/index';
import { isObject, type RawDefinition } from './edits/index';
import { record, redo, startHistory, undo, type History } from './history';

/**
 * One open form version: its text (the single source of truth both views edit), the last
 * good parse the outline reads, lint problems, and what the disk last held. Pure functions only.
 */
export type DocStatus = 'draft' | 'published' | 'retired' | 'invalid';

export interface Doc {
  key: string;
  id: string;
  version: string;
  status: DocStatus;
  history: History;
  /** Text as last read from or written to disk; dirty when it differs from the present text. */
  savedText: string;
  etag: string | null;
  /** The present text parsed; undefined while it is not valid JSON (the outline then shows the last good one). */
  parsed?: RawDefinition;
  lastGood?: RawDefinition;
  problems: Problem[];
  conflict?: { diskText: string; diskEtag?: string };
  /** True when this text came back from localStorage after a reload. */
  restored?: boolean;
  /** The file changed on disk (saved in another tab) after this unsaved text began: saving will conflict. */
  changedOnDisk?: boolean;
  /** The version before this one, so lint can check the version bump and publish can show the changes. */
  previousVersion?: string;
  previousText?: string;
  previous?: Definition;
}

export const docKeyOf = (id: string, version: string) => `${id}@${version}`;

export function parseDocKey(key: string): { id: string; version: string } | undefined {
  const at = key.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { id: key.slice(0, at), version: key.slice(at + 1) };
}

function analyse(doc: Doc, lint = true): Doc {
  const text = doc.history.present;
  let parsed: RawDefinition | undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (isObject(value)) parsed = value;
  } catch {
    parsed = undefined;
  }
  const problems = lint ? lintDoc(doc, text) : doc.problems;
  const status = parsed && (parsed.status === 'draft' || parsed.status === 'published' || parsed.status === 'retired') && doc.status !== 'published' ? (parsed.status as DocStatus) : doc.status;
  const next: Doc = { ...doc, problems, status };
  if (parsed) {
    next.parsed = parsed;
    next.lastGood = parsed;
  } else delete next.parsed;
  return next;
}

export function openDoc(id: string, version: string, diskText: string, etag: string | null, status: DocStatus, draftText?: string): Doc {
  const base: Doc = {
    key: docKeyOf(id, version),
    id,
    version,
    status,
    history: startHistory(draftText ?? diskText),
    savedText: diskText,
    etag,
    problems: [],
    ...(draftText !== undefined && draftText !== diskText ? { restored: true } : {}),
  };
  return analyse(base);
}

function lintDoc(doc: Doc, text: string): Problem[] {
  const problems = lintText(text, { folderId: doc.id, fileVersion: doc.version, ...(doc.previous ? { previous: doc.previous } : {}) });
  if (problems.some((p) => p.source === 'load' || p.source === 'safety' || p.source === 'envelope')) return problems;
  // A value the hash cannot hold (a lone surrogate) loads and lints clean, then breaks the preview
  // and publish: shown here as a problem, like the checks every runtime surface runs.
  const value = parsedOrUndefined(text);
  return value === undefined ? problems : [...checkRepresentable(value), ...problems];
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Lints the present text (after typing, which defers it). */
export function relint(doc: Doc): Doc {
  return { ...doc, problems: lintDoc(doc, doc.history.present) };
}

/** Gives the doc its previous version (for the version-bump check) and lints again. */
export function withPrevious(doc: Doc, version: string, text: string): Doc {
  const loaded = loadDefinitionText(text);
  return analyse({ ...doc, previousVersion: version, previousText: text, ...(loaded.ok ? { previous: loaded.value } : {}) });
}

export const isDirty = (doc: Doc) => doc.history.present !== doc.savedText;
export const isReadOnly = (doc: Doc) => doc.status === 'published' || doc.status === 'retired';

/**
 * A new text. Lint takes ~30 ms on a 55 KB form, so typing defers it (`deferLint`) and the
 * workspace lints once the typing pauses; parsing, which the outline needs, is always at once.
 */
export function changeText(doc: Doc, text: string, mergeKey?: string, now = 0, deferLint = false): Doc {
  if (isReadOnly(doc)) return doc;
  const history = record(doc.history, text, mergeKey, now);
  return history === doc.history ? doc : analyse({ ...doc, history }, !deferLint);
}

export function undoDoc(doc: Doc): Doc {
  const history = undo(doc.history);
  return history === doc.history || isReadOnly(doc) ? doc : analyse({ ...doc, history });
}

export function redoDoc(doc: Doc): Doc {
  const history = redo(doc.history);
  return history === doc.history || isReadOnly(doc) ? doc : analyse({ ...doc, history });
}

export function markSaved(doc: Doc, text: string, etag: string): Doc {
  const next: Doc = { ...doc, savedText: text, etag };
  delete next.conflict;
  delete next.restored;
  delete next.changedOnDisk;
  return next;
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** "no errors", "1 error", "2 errors". */
export const counted = (n: number, noun: string) => (n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`);

/** "1 error, no warnings": the counts as the panel heading and the status bar read them out. */
export function problemCountText(counts: { errors: number; warnings: number }): string {
  return `${counted(counts.errors, 'error')}, ${counted(counts.warnings, 'warning')}`;
}
