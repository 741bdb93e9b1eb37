import {
  changeNoteProblems,
  hasErrors,
  lint,
  loadDefinition,
  withPositions,
  type Definition,
  type Problem,
  type PublishedRecord,
} from '../../runtime/core/index';

/** What the server knows about a file besides its text. */
export interface CheckContext {
  id: string;
  version: string;
  published?: PublishedRecord;
  /** The nearest lower version of the same form, for rules that compare versions (as the CLI does). */
  previous?: Definition;
}

export interface Checked {
  problems: Problem[];
  /** Present when the text loads as a definition (it may still have lint problems). */
  definition?: Definition;
  raw?: unknown;
}

/**
 * Loads a definition's bytes (from disk or a request) or text through core's one loader and lints it as the Problems panel and the CLI do (the same `lint` of
 * runtime/core), with the folder, file name and published record as context.
 */
export function lintDefinitionText(text: Uint8Array | string, context: CheckContext): Checked {
  const loaded = loadDefinition(text);
  if (!loaded.ok) return { problems: loaded.problems };
  const problems = lint(loaded.value, {
    folderId: context.id,
    fileVersion: context.version,
    raw: loaded.raw,
    ...(context.published ? { published: context.published } : {}),
    ...(context.previous ? { previous: context.previous } : {}),
  });
  return { problems: loaded.doc ? withPositions(problems, loaded.doc) : problems, definition: loaded.value, raw: loaded.raw };
}

/**
 * The cheap check every save and listing needs: the text loads, and its id and version are those
 * of its path. Lint problems do not block a save (a draft may be unfinished).
 */
export function checkDefinitionText(text: Uint8Array | string, context: CheckContext): Checked {
  const loaded = loadDefinition(text);
  if (!loaded.ok) return { problems: loaded.problems };
  const definition = loaded.value;
  const problems: Problem[] = [...loaded.problems];
  if (definition.id !== context.id) {
    problems.push({
      code: 'id-mismatch',
      severity: 'error',
      message: `The id "${definition.id}" differs from the folder "${context.id}".`,
      path: '/id',
      source: 'envelope',
      params: { expected: context.id, actual: definition.id },
    });
  }
  if (definition.version !== context.version) {
    problems.push({
      code: 'version-mismatch',
      severity: 'error',
      message: `The version "${definition.version}" differs from the file name "${context.version}.json".`,
      path: '/version',
      source: 'envelope',
      params: { expected: context.version, actual: definition.version },
    });
  }
  return { problems, definition, raw: loaded.raw };
}

/** Only envelope-level errors block a save: a draft may be saved with lint problems, never unloadable. */
export function saveBlockers(checked: Checked): Problem[] {
  if (!checked.definition) return checked.problems;
  return checked.problems.filter((p) => p.severity === 'error' && (p.code === 'id-mismatch' || p.code === 'version-mismatch'));
}

/** Lint errors, and (issue 17) a missing or placeholder change note for the version published. */
export function publishBlockers(checked: Checked): Problem[] {
  const errors = hasErrors(checked.problems) ? checked.problems.filter((p) => p.severity === 'error') : [];
  return checked.definition ? [...errors, ...changeNoteProblems(checked.definition)] : errors;
}
