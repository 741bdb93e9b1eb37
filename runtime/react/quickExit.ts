import type { FormController } from './model/controller';

/**
 * Quick exit (FORMS.md): blank the screen in the same task, before anything async, then deal
 * with drafts and leave. `location.replace` keeps the form out of the back-button history.
 */
export async function quickExit(controller: FormController): Promise<void> {
  // Hidden by the stylesheet in this same task (html.as-exiting body { display: none }); the DOM
  // is left to React until the page is replaced, so nothing throws on the way out.
  document.documentElement.classList.add('as-exiting');
  document.title = 'New tab';
  try {
    controller.options.onQuickExitStart?.();
  } catch {
    /* a host's handler must not stop the exit */
  }
  try {
    await Promise.race([controller.quickExitStorage(), new Promise((r) => setTimeout(r, 800))]);
  } catch {
    /* leaving matters more than the draft */
  }
  const { onQuickExit, exitUrl } = controller.options;
  controller.destroy();
  if (onQuickExit) onQuickExit();
  else window.location.replace(exitUrl ?? 'about:blank');
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
