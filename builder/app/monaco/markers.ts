import { lineColumnAt, positioned, rangeOfPointer, type Problem } from '../../../runtime/core/index';

/**
 * Problem → Monaco marker data, at the exact range the problem's JSON pointer names (or the
 * line and column a syntax error carries). Pure: monaco.MarkerSeverity values are inlined.
 */
export const MarkerSeverity = { Error: 8, Warning: 4, Info: 2 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  code: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export function markersFor(text: string, problems: readonly Problem[]): MarkerData[] {
  const doc = positioned(text);
  return problems.map((p) => {
    const severity = p.severity === 'error' ? MarkerSeverity.Error : p.severity === 'warning' ? MarkerSeverity.Warning : MarkerSeverity.Info;
    const base = { severity, message: p.message, code: p.code, source: 'Assessment Studio' };
    if (p.line !== undefined && (p.path === '' || !doc.root)) {
      const column = p.column ?? 1;
      return { ...base, startLineNumber: p.line, startColumn: column, endLineNumber: p.line, endColumn: column + 1 };
    }
    const range = rangeOfPointer(doc, p.path);
    // A whole object would underline half the file; mark its first line (the key) only.
    const end = lineColumnAt(doc, range.offset + range.length);
    const sameLine = end.line === range.line;
    return {
      ...base,
      startLineNumber: range.line,
      startColumn: range.column,
      endLineNumber: range.line,
      endColumn: sameLine ? end.column : lineEnd(text, doc.lineStarts, range.line),
    };
  });
}

function lineEnd(text: string, lineStarts: number[], line: number): number {
  const start = lineStarts[line - 1] ?? 0;
  const next = lineStarts[line] ?? text.length + 1;
  return next - 1 - start + 1;
}
