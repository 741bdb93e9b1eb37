// Monaco 0.56+ maps `monaco-editor/<path>` to esm/vs/<path>.js; these are its tree-shakeable
// entry points (the editor API and JSON features only, not every language). Up to 0.55 the JSON
// contribution pulled in every editor feature (find, suggest, hover, code lens…); now it does not,
// and without them the JSON mode asks for services nobody registered, so they are imported here.
import 'monaco-editor/features/register.all';
import * as monaco from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { definitionJsonSchema } from '../../../runtime/core/index';
import { uischemaDefs, uischemaRef } from './uischemaSchema';
import { editorColours, themeData } from './themeColours';

/**
 * Monaco from the local package with its workers bundled by Vite: no CDN, works offline and
 * under `script-src 'self'` (workers are same-origin files, not blob: code).
 */
self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

/** Every definition model lives under this path, so the schema's fileMatch covers them and nothing else. */
export const MODEL_ROOT = 'file:///form-definitions/';
export const SCHEMA_URI = 'file:///schemas/definition.schema.json';

/** The envelope schema with the UI schema schema plugged in at `uischema`, for completion, hover and validation. */
export function editorSchema(): Record<string, unknown> {
  const envelope = definitionJsonSchema() as { properties?: Record<string, unknown> } & Record<string, unknown>;
  const properties = { ...(envelope.properties ?? {}) };
  properties.uischema = uischemaRef;
  properties.schema = { type: 'object', description: 'JSON Schema draft 2020-12 describing one response.' };
  // Drafts 2020-12's `$schema` in the generated envelope would make Monaco try to fetch the meta-schema.
  const { $schema: _ignored, ...rest } = envelope;
  const defs = { ...((envelope.$defs as Record<string, unknown> | undefined) ?? {}), ...uischemaDefs };
  return { ...rest, properties, $defs: defs };
}

let configured = false;
export function configureMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    // The files name their schema (`"$schema": "../../schemas/definition.schema.json"`), and a
    // document's own `$schema` wins over fileMatch: so the schema is registered under the very URI
    // that reference resolves to from a model at file:///form-definitions/<id>/<version>.json.
    schemas: [{ uri: SCHEMA_URI, fileMatch: [`${MODEL_ROOT}*`], schema: editorSchema() }],
  });
  monaco.editor.defineTheme('studio-dark', { base: 'vs-dark', inherit: true, ...themeData(editorColours.dark) });
  monaco.editor.defineTheme('studio-light', { base: 'vs', inherit: true, ...themeData(editorColours.light) });
  return monaco;
}

export function modelUri(docKey: string): monaco.Uri {
  const [id, version] = docKey.split('@');
  return monaco.Uri.parse(`${MODEL_ROOT}${id}/${version}.json`);
}

/** Markers by owner, for the browser tests (Monaco's JSON worker and our lint both write markers). */
export function markerSummary(): Array<{ owner: string; message: string; line: number }> {
  return monaco.editor.getModelMarkers({}).map((m) => ({ owner: m.owner, message: m.message, line: m.startLineNumber }));
}

/** The selected text of the editor that has the focus, for the browser tests ('' if none has it). */
export function focusedSelection(): string {
  const editor = monaco.editor.getEditors().find((e) => e.hasTextFocus());
  const model = editor?.getModel();
  const selection = editor?.getSelection();
  return model && selection && 'getValueInRange' in model ? model.getValueInRange(selection) : '';
}

export { monaco };
