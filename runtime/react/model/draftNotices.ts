import type { Draft } from '../storage/types';
import type { Notice } from './formOptions';

/** What the form says about the draft it found on opening (controller.restore). */
export function restoredNotice(draft: Draft): Notice {
  return { kind: 'restored', text: `We restored the answers you saved at ${formatTime(draft.updatedAt)}.` };
}

/** A draft of another version could not be moved aside: the form's first save would replace it. */
export function setAsideFailedNotice(draft: Draft): Notice {
  return { kind: 'save-failed', text: `Answers saved for version ${draft.version} of this form could not be set aside. Keep this page open.` };
}

export function versionChangedNotice(draft: Draft, version: string): Notice {
  return {
    kind: 'version-changed',
    text: `Answers saved on ${formatTime(draft.updatedAt)} were for version ${draft.version} of this form, and this is version ${version}, so they have not been loaded. They are kept as they were, to be moved to version ${version} or discarded; meanwhile you can start afresh here.`,
  };
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'an earlier time' : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
