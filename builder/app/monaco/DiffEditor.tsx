import { useEffect, useRef } from 'react';
import { configureMonaco } from './setup';

/** Monaco's diff editor between two texts, read-only. */
export function DiffEditor({ left, right, theme, label }: { left: string; right: string; theme: 'light' | 'dark'; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const monaco = configureMonaco();
  useEffect(() => {
    const editor = monaco.editor.createDiffEditor(host.current!, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      ariaLabel: label,
    });
    const original = monaco.editor.createModel(left, 'json');
    const modified = monaco.editor.createModel(right, 'json');
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [monaco, left, right, label]);
  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'studio-dark' : 'studio-light'), [monaco, theme]);
  return <div className="monaco-host" ref={host} data-testid="diff-editor" />;
}
