import { useEffect, useRef } from 'react';
import { configureMonaco } from './setup';

/** Monaco's diff editor between two texts, read-only; each side has its own accessible name. */
export function DiffEditor({ left, right, theme, leftLabel, rightLabel }: { left: string; right: string; theme: 'light' | 'dark'; leftLabel: string; rightLabel: string }) {
  const host = useRef<HTMLDivElement>(null);
  const monaco = configureMonaco();
  useEffect(() => {
    const editor = monaco.editor.createDiffEditor(host.current!, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
    });
    const original = monaco.editor.createModel(left, 'json');
    const modified = monaco.editor.createModel(right, 'json');
    editor.setModel({ original, modified });
    // Named on each inner editor: the construction options' originalAriaLabel/modifiedAriaLabel left
    // both unnamed in Monaco 0.57 (axe), as did `ariaLabel`.
    editor.getOriginalEditor().updateOptions({ ariaLabel: leftLabel });
    editor.getModifiedEditor().updateOptions({ ariaLabel: rightLabel });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [monaco, left, right, leftLabel, rightLabel]);
  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'studio-dark' : 'studio-light'), [monaco, theme]);
  return <div className="monaco-host" ref={host} data-testid="diff-editor" />;
}
