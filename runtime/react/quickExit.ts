import type { FormController } from './model/controller';
import { removeFormDrafts } from './drafts/list';
import type { DraftStorage } from './storage/types';

/**
 * Quick exit (FORMS.md): blank the screen in the same task, before anything async, then deal
 * with drafts and leave. `location.replace` keeps the form out of the back-button history.
 */
export async function quickExit(controller: FormController, { elsewhere = false } = {}): Promise<void> {
  // Hidden by the stylesheet in this same task (html.as-exiting body { display: none }); the DOM
  // is left to React until the page is replaced, so nothing throws on the way out.
  blankPage();
  if (!elsewhere) announceQuickExit();
  try {
    controller.options.onQuickExitStart?.();
  } catch {
    /* a host's handler must not stop the exit */
  }
  try {
    await withinExitTime(controller.quickExitStorage());
  } catch {
    /* leaving matters more than the draft */
  }
  const { onQuickExit, exitUrl } = controller.options;
  controller.destroy();
  if (onQuickExit) onQuickExit();
  else window.location.replace(exitUrl ?? 'about:blank');
}

/** The drafts' wipe, for as long as leaving can wait: a slow store must not keep the person on the page. */
function withinExitTime(wipe: Promise<void>): Promise<unknown> {
  return Promise.race([wipe, new Promise((r) => setTimeout(r, 800))]);
}

/**
 * Quick exit from a page that shows no form (the list of forms, the chooser of drafts, a form still
 * loading): the same as the form's, blank at once, tell the other tabs, wipe this device's drafts of
 * the form the page is about (when it is about one), then leave.
 */
export async function quickExitPage({ storage, formId, exitUrl }: { storage?: DraftStorage; formId?: string; exitUrl?: string }): Promise<void> {
  blankPage();
  announceQuickExit();
  if (storage?.local && formId) {
    try {
      await withinExitTime(removeFormDrafts(storage, formId));
    } catch {
      /* leaving matters more than the drafts */
    }
  }
  window.location.replace(exitUrl ?? 'about:blank');
}

/**
 * Escape pressed twice within a second, in the capture phase on window so a focused text field,
 * select or date input cannot swallow it.
 */
export function listenForDoubleEscape(onExit: () => void, windowMs = 1000): () => void {
  let last = -Infinity;
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    const now = performance.now();
    if (now - last <= windowMs) {
      last = -Infinity;
      onExit();
    } else last = now;
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}

function blankPage(): void {
  document.documentElement.classList.add('as-exiting');
  document.title = 'New tab';
}

/**
 * Every tab and window of this origin hears of a quick exit: the person who walks in must not find
 * the service in another tab (a second assessment, the list of forms). Same origin only, so a
 * host's other pages are the host's to clear (the iframe and element tell the host).
 */
const CHANNEL = 'assessment-studio:quick-exit';

function announceQuickExit(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('quick-exit');
    channel.close();
  } catch {
    /* no BroadcastChannel: this tab still leaves */
  }
}

/** Calls `onExit` when quick exit is used in another tab or window of this origin. */
export function onQuickExitElsewhere(onExit: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  // The tab that announced hears its own message too (another channel object of this document):
  // it is already leaving, so only a tab not yet blanked acts on it.
  channel.onmessage = () => {
    if (!document.documentElement.classList.contains('as-exiting')) onExit();
  };
  return () => channel.close();
}

/** A page with no form open (a list, a chooser) leaves at once when quick exit is used elsewhere. */
export function leaveWhenExitedElsewhere(exitUrl = 'about:blank'): () => void {
  return onQuickExitElsewhere(() => {
    blankPage();
    window.location.replace(exitUrl);
  });
}
