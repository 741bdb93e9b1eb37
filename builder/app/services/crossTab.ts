import { tabId } from './tabSession';

/**
 * Tells the other builder tabs of this browser that a file changed on disk (saved, published,
 * created or removed here), so a tab showing it can reload a clean copy, or keep its unsaved edit
 * and say that the file changed (issue 17). Messages from other tabs are checked before use: any
 * page of this origin can post on the channel.
 */
export interface FileChanged {
  kind: 'file-changed';
  doc: string;
  /** The new ETag, or null when the file was removed. */
  etag: string | null;
  from: string;
}

const CHANNEL = 'assessment-studio.files';
let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  if (channel) return channel;
  if (typeof BroadcastChannel !== 'function') return undefined;
  channel = new BroadcastChannel(CHANNEL);
  return channel;
}

export function announceFileChanged(doc: string, etag: string | null): void {
  const message: FileChanged = { kind: 'file-changed', doc, etag, from: tabId() };
  open()?.postMessage(message);
}

function asFileChanged(data: unknown): FileChanged | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.kind !== 'file-changed' || typeof m.doc !== 'string' || typeof m.from !== 'string') return undefined;
  if (m.etag !== null && typeof m.etag !== 'string') return undefined;
  if (m.doc.length > 300 || m.from === tabId()) return undefined;
  return { kind: 'file-changed', doc: m.doc, etag: m.etag, from: m.from };
}

export function onFileChanged(listener: (m: FileChanged) => void): () => void {
  const ch = open();
  if (!ch) return () => undefined;
  const handler = (e: MessageEvent) => {
    const m = asFileChanged(e.data);
    if (m) listener(m);
  };
  ch.addEventListener('message', handler);
  return () => ch.removeEventListener('message', handler);
}
