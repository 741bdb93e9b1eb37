import { tokensFromPointer } from '../model/pointers';

/**
 * A place in the file as a person reads it (`/changelog/0/summary` → `“changelog” › item 1 ›
 * “summary”`), for messages: the pointer itself stays in the problem's `path` (issue 17.6).
 */
export function placeName(pointer: string, whole = 'The form'): string {
  let tokens: string[];
  try {
    tokens = tokensFromPointer(pointer);
  } catch {
    return whole;
  }
  if (tokens.length === 0) return whole;
  return tokens.map((t) => (/^\d+$/.test(t) ? `item ${Number(t) + 1}` : `“${t}”`)).join(' › ');
}
