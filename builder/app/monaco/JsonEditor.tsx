import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { isReadOnly, type Doc } from '../services/document';
import type { Workspace, WorkspaceState } from '../services/workspace';
import { markersFor } from './markers';
import { configureMonaco, modelUri } from './setup';

const MARKER_OWNER = 'assessment-studio';

/**
 * The JSON view: one Monaco editor, one model per open form. The store's text is the source of
 * truth; Monaco edits flow in as text changes, and outline edits or undo flow back as one edit
 * (so the cursor and scroll stay put).
 */
export function JsonEditor({ ws, doc, theme, reveal }: { ws: Workspace; doc: Doc; theme: 'light' | 'dark'; reveal: WorkspaceState['reveal'] }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const applying = useRef(false);
  const monaco = configureMonaco();

  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: false },
      tabSize: 2,
      fontSize: 13,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      ariaLabel: 'Definition JSON',
      accessibilitySupport: 'auto',
    });
    editorRef.current = editor;
    return () => {
      editor.dispose();
      editorRef.current = null;
    };
  }, [monaco]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'studio-dark' : 'studio-light');
  }, [monaco, theme]);

  // Attach the form's model and follow its edits back into the store.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const uri = modelUri(doc.key);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(doc.history.present, 'json', uri);
    if (model.getValue() !== doc.history.present) model.setValue(doc.history.present);
    editor.setModel(model);
    const sub = model.onDidChangeContent(() => {
      if (!applying.current) ws.setText(doc.key, model.getValue(), 'json');
    });
    return () => sub.dispose();
  }, [monaco, ws, doc.key]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: isReadOnly(doc), readOnlyMessage: { value: `${doc.id} ${doc.version} is ${doc.status}: create a new version to change it.` } });
  }, [doc.status, doc.id, doc.version]);

  // Text changed elsewhere (outline, undo, reload): replace the model's text as one edit.
  useEffect(() => {
    const model = monaco.editor.getModel(modelUri(doc.key));
    if (!model || model.getValue() === doc.history.present) return;
    applying.current = true;
    try {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: doc.history.present }], () => null);
    } finally {
      applying.current = false;
    }
  }, [monaco, doc.key, doc.history.present]);

  useEffect(() => {
    const model = monaco.editor.getModel(modelUri(doc.key));
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, markersFor(doc.history.present, doc.problems));
  }, [monaco, doc.key, doc.history.present, doc.problems]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || reveal.doc !== doc.key) return;
    const marker = markersFor(doc.history.present, [{ code: '', severity: 'info', message: '', path: reveal.path, ...(reveal.line ? { line: reveal.line, column: reveal.column ?? 1 } : {}) }])[0]!;
    const range = { startLineNumber: marker.startLineNumber, startColumn: marker.startColumn, endLineNumber: marker.endLineNumber, endColumn: marker.endColumn };
    editor.revealRangeInCenter(range);
    editor.setSelection(range);
    editor.focus();
  }, [reveal?.nonce]);

  return <div className="monaco-host" ref={host} data-testid="json-editor" />;
}
