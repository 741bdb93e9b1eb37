import type { BrowserContext, Page } from 'playwright-core';

/** What the guard saw in the builder: each a count, all zero for a journey that never needed JSON. */
export interface JsonViewUse {
  /** Times the store switched the editor to the JSON view (the JSON button, F8, a problem's link, a command). */
  switched: number;
  /** Times a JSON editor (Monaco over the definition) was put in the page. */
  editors: number;
  /** Text changes that came from typing in that editor. */
  typed: number;
}

/**
 * Counts every way the JSON view can be reached, from the first script of every page of the
 * context on, so a step that opened it and closed it again is still caught. It watches three
 * things because each alone has a gap: the store's `view` (not every route goes through a
 * button), the editor's element (a future route might mount it without the store), and the
 * store's text changes marked as typed in Monaco (the only way JSON gets typed).
 */
export async function guardJsonView(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const use = { switched: 0, editors: 0, typed: 0 };
    (window as unknown as { __jsonViewUse: typeof use }).__jsonViewUse = use;
    const isEditor = (n: Node) => n instanceof Element && (n.matches('[data-testid="json-editor"]') || n.querySelector('[data-testid="json-editor"]') !== null);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (isEditor(n)) use.editors++;
    }).observe(document, { childList: true, subtree: true });
    type Ws = { store: { get(): { view: string }; subscribe(l: () => void): void }; setText(key: string, text: string, mergeKey?: string): void };
    // The builder publishes its workspace as window.studio once it starts: hook it as it arrives.
    let studio: { workspace: Ws } | undefined;
    Object.defineProperty(window, 'studio', {
      configurable: true,
      get: () => studio,
      set(value: { workspace: Ws }) {
        studio = value;
        const ws = value.workspace;
        let last = ws.store.get().view;
        ws.store.subscribe(() => {
          const view = ws.store.get().view;
          if (view === 'json' && last !== 'json') use.switched++;
          last = view;
        });
        const setText = ws.setText.bind(ws);
        ws.setText = (key, text, mergeKey) => {
          if (mergeKey === 'json') use.typed++;
          setText(key, text, mergeKey);
        };
      },
    });
  });
}

export async function jsonViewUse(page: Page): Promise<JsonViewUse> {
  return page.evaluate(() => ({ ...(window as unknown as { __jsonViewUse: JsonViewUse }).__jsonViewUse }));
}
