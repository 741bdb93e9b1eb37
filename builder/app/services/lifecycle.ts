import { announceFileChanged } from './crossTab';
import { clearDraft } from './drafts';
import { docKeyOf, isReadOnly } from './document';
import { definitionText, renumbered } from './edits/index';
import type { Workspace } from './workspace';
import * as client from './workspaceClient';

/**
 * A draft's lifecycle beyond save and publish (issue 17: versions were a dead end): discard a
 * draft file, with Undo for the session, and give a draft the number its changes call for.
 */

/** Removes a draft's file; Undo writes the same text back under the same number. */
export async function discardDraftFile(ws: Workspace, key: string): Promise<boolean> {
  const doc = ws.state.docs[key];
  if (!doc || isReadOnly(doc)) return false;
  const text = doc.history.present;
  const answer = await client.discardDraft(doc.id, doc.version, doc.etag);
  ws.store.set({ dialog: undefined });
  if (!answer.ok) {
    ws.toast(`${doc.id} ${doc.version} was not discarded: ${answer.error}`, 'error');
    return false;
  }
  clearDraft(key);
  ws.closeTab(key);
  announceFileChanged(key, null);
  await ws.refreshForms();
  ws.toast(`Discarded the draft ${doc.id} ${doc.version}.`, 'info', () => void restoreDraftFile(ws, doc.id, doc.version, text));
  return true;
}

async function restoreDraftFile(ws: Workspace, id: string, version: string, text: string): Promise<void> {
  const answer = await client.saveForm(id, version, text, null);
  if (!answer.ok) return ws.toast(`Could not bring back ${id} ${version}: ${answer.error}`, 'error');
  announceFileChanged(docKeyOf(id, version), answer.etag);
  await ws.refreshForms();
  await ws.openForm(id, version);
  ws.toast(`Brought back the draft ${id} ${version}.`);
}

/** Saves the draft as it is now under `to` and removes the old number, then opens it there. */
export async function renumberDraft(ws: Workspace, key: string, to: string): Promise<boolean> {
  const doc = ws.state.docs[key];
  if (!doc || isReadOnly(doc)) return false;
  if (!doc.parsed) {
    ws.toast('Fix the JSON syntax first: a draft that does not parse cannot be renumbered.', 'error');
    return false;
  }
  const text = definitionText(renumbered(doc.parsed, to));
  const answer = await client.renumberDraft(doc.id, doc.version, to, text, doc.etag);
  if (!answer.ok) {
    if (answer.reason === 'conflict') ws.toast(`${doc.id} ${doc.version} changed on disk since it was opened: save it (and resolve the difference) before renumbering.`, 'error');
    else ws.toast(`Not renumbered: ${answer.error}`, 'error');
    return false;
  }
  clearDraft(key);
  ws.closeTab(key);
  announceFileChanged(key, null);
  announceFileChanged(docKeyOf(doc.id, to), answer.etag);
  await ws.refreshForms();
  await ws.openForm(doc.id, to);
  ws.toast(`Renumbered ${doc.id} ${doc.version} to ${to}.`);
  return true;
}

/** Retires a form (not offered to practitioners; its versions kept), with Undo; or brings it back. */
export async function setFormRetired(ws: Workspace, id: string, on: boolean): Promise<boolean> {
  const answer = await client.setRetired(id, on);
  ws.store.set({ dialog: undefined });
  if (!answer.ok) {
    ws.toast(`${id} was not ${on ? 'retired' : 'brought back'}: ${answer.error}`, 'error');
    return false;
  }
  await ws.refreshForms();
  if (on) ws.toast(`Retired ${id}: practitioners are no longer offered it.`, 'info', () => void setFormRetired(ws, id, false));
  else ws.toast(`${id} is offered to practitioners again.`);
  return true;
}
