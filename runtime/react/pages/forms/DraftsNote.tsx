import type { Definition } from '../../../core/index';

/** What this device keeps of the open form: `null` on the list page (or before a form loads). */
export type DraftPolicy = 'local' | 'host-only' | null;

export function draftPolicyOf(definition: Definition): Exclude<DraftPolicy, null> {
  return definition.safety?.drafts === 'host-only' ? 'host-only' : 'local';
}

/**
 * The footer's line about drafts, true of the form on screen: forms with `safety.drafts:
 * "host-only"` (the disclosure record) keep nothing on the device, the others an encrypted draft.
 */
export function DraftsNote({ policy }: { policy: DraftPolicy }) {
  if (policy === 'host-only') return <p>Nothing from this assessment is kept on this device: complete it in one sitting.</p>;
  if (policy === 'local') return <p>Drafts of this assessment are kept on this device, encrypted, until it is submitted or Quick exit is used.</p>;
  return (
    <p>
      Most assessments keep a draft on this device, encrypted, until submitted or Quick exit is used; some assessments keep nothing on this device, and
      say so when opened.
    </p>
  );
}
