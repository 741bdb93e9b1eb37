import { useEffect, useRef } from 'react';
import type { FormController } from './model/controller';
import type { View } from './model/formOptions';

interface Entry {
  asForm: string;
  view: View;
  section: number;
}

function isEntry(state: unknown, form: string): state is Entry {
  return !!state && typeof state === 'object' && (state as Entry).asForm === form && typeof (state as Entry).section === 'number';
}

/**
 * The browser's Back and Forward buttons move between sections and check your answers (GOV.UK
 * pages are separate pages, so practitioners expect this) instead of leaving the form. Each move
 * pushes an entry for the same URL; Back fires popstate and `onPop` opens what the entry recorded.
 * Only when the host asks (`history`): an embed must not fill its host page's history.
 * After submitting, the entries stay but open nothing: the confirmation stays on screen.
 */
export function useFormHistory(c: FormController, enabled: boolean, onPop: (view: View, section: number) => void): void {
  const pop = useRef(onPop);
  pop.current = onPop;
  useEffect(() => {
    if (!enabled) return;
    const form = c.draftKey;
    const here = (): Entry => ({ asForm: form, view: c.getView(), section: c.getSection() });
    let last = here();
    let popping = false;
    // Until the draft is restored, moves (the restored section) replace the first entry.
    let settled = false;
    history.replaceState(last, '');
    void c.ready.then(() => (settled = true));
    const off = c.subscribeView(() => {
      const now = here();
      if (popping || (now.view === last.view && now.section === last.section)) return;
      last = now;
      if (!settled || now.view === 'done') history.replaceState(now, '');
      else history.pushState(now, '');
    });
    const onPopState = (e: PopStateEvent) => {
      if (!isEntry(e.state, form) || e.state.view === 'done' || c.getView() === 'done') return;
      popping = true;
      try {
        pop.current(e.state.view, e.state.section);
      } finally {
        popping = false;
      }
      last = here();
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      off();
      window.removeEventListener('popstate', onPopState);
    };
  }, [c, enabled]);
}
