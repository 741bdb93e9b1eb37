import { useEffect } from 'react';
import { QuickExitButton } from '../../QuickExitButton';
import { listenForDoubleEscape, quickExitPage } from '../../quickExit';
import type { DraftStorage } from '../../storage/types';

/**
 * Quick exit on the practitioner pages that show no form: the list of forms, and a form's page
 * while it loads or offers the drafts on this device. The chooser names assessments in progress, so
 * it needs the exit as much as the form does; its exit wipes that form's drafts as the form's does.
 */
export function PageQuickExit({ storage, formId }: { storage?: DraftStorage; formId?: string }) {
  const exit = () => void quickExitPage({ storage, formId });
  useEffect(() => listenForDoubleEscape(exit), [storage, formId]);
  return <QuickExitButton onExit={exit} />;
}
