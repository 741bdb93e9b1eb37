import { frameMessageSchema, PROTOCOL } from '../../embed/protocol';
import { log } from '../shared';

/**
 * A host framing the product's `/embed/` page (from another origin). The product's address comes
 * from `?app=`; the frame is told which origin to trust (this page's) and posts only to it. Every
 * message received is checked by the same zod schema the frame uses, and must come from the app.
 */
const app = new URL(new URLSearchParams(location.search).get('app') ?? 'http://127.0.0.1:4173').origin;
const frame = document.createElement('iframe');
frame.title = 'Assessment form';
frame.className = 'example-frame';
frame.src = `${app}/embed/?origins=${encodeURIComponent(location.origin)}`;
document.getElementById('frame-slot')!.append(frame);

/**
 * Quick exit pressed in the frame: this page may show the client's name, so it is blanked in the
 * same task and leaves without a history entry. The frame is hidden, not removed, so it can wipe
 * its draft first: this page leaves when the frame has left (its load event) or after a second.
 */
const exitUrl = 'about:blank'; // a neutral page of the service's choosing
function quickExit() {
  document.body.style.setProperty('display', 'none', 'important');
  document.title = 'New tab';
  log('quick exit');
  const leave = () => window.location.replace(exitUrl);
  frame.addEventListener('load', leave, { once: true });
  setTimeout(leave, 1000);
}

const send = (message: Record<string, unknown>) => frame.contentWindow?.postMessage({ protocol: PROTOCOL, ...message }, app);
let n = 0;

window.addEventListener('message', (event) => {
  if (event.origin !== app || event.source !== frame.contentWindow) return;
  const parsed = frameMessageSchema.safeParse(event.data);
  if (!parsed.success) return;
  const msg = parsed.data;
  if (msg.type === 'ready') send({ type: 'load', form: { id: 'routine-enquiry', version: '2.0.0' } });
  if (msg.type === 'loaded') log(`loaded ${msg.form.id}@${msg.form.version}`);
  if (msg.type === 'change') log(`change ${Object.keys(msg.answers).sort().join(',')}`);
  if (msg.type === 'validated') log(`validated ${msg.errors.length} error(s)`);
  if (msg.type === 'submitted') log(msg.ok ? `submitted ${String(msg.response?.status)}` : `not submitted: ${msg.errors?.length ?? 0} error(s)`);
  if (msg.type === 'quickExit') quickExit();
  if (msg.type === 'error') log(`error ${msg.message}${msg.problems ? ` ${msg.problems.map((p) => `${p.path}: ${p.code}`).join('; ')}` : ''}`);
});

document.getElementById('validate')!.addEventListener('click', () => send({ type: 'validate', requestId: `v${++n}` }));
document.getElementById('submit')!.addEventListener('click', () => send({ type: 'submit', requestId: `s${++n}` }));
