import { createContext, useContext } from 'react';

/**
 * JSON Forms' `readonly`: every control of the form disabled. A context rather than a prop of each
 * control, so switching it (a host's view and edit modes) reaches the memoised controls at once,
 * and a keystroke, which never changes it, costs nothing more.
 */
export const ReadonlyContext = createContext(false);

export function useReadonly(): boolean {
  return useContext(ReadonlyContext);
}
