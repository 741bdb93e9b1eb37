/**
 * Undo and redo as a history of text snapshots, shared by the JSON view and the outline: both
 * change the one text, so Ctrl+Z undoes the last change whichever view made it.
 * Bursts of the same kind of change (typing in Monaco, typing a label) merge into one step.
 */
export interface History {
  past: string[];
  present: string;
  future: string[];
  /** What made the last step, and when, so a burst of typing is one step. */
  lastKey?: string;
  lastAt?: number;
}

export const HISTORY_LIMIT = 200;
export const MERGE_WINDOW_MS = 1200;

export function startHistory(text: string): History {
  return { past: [], present: text, future: [] };
}

export function record(h: History, text: string, key?: string, now = 0): History {
  if (text === h.present) return h;
  const merge = key !== undefined && key === h.lastKey && h.lastAt !== undefined && now - h.lastAt <= MERGE_WINDOW_MS && h.past.length > 0;
  const past = merge ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: text, future: [], ...(key !== undefined ? { lastKey: key, lastAt: now } : {}) };
}

export function undo(h: History): History {
  const previous = h.past[h.past.length - 1];
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest };
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;
