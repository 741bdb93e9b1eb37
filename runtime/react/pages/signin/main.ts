import { csrfHeaders } from '../../../core/index';
import '../../styles.css';

/**
 * The sign-in page (`/signin`, issue 20 point 4), with no framework: a form of two labelled
 * fields, a GOV.UK error summary (focused, each problem linked to its field, "Error: " in the
 * title), and sign-out for whoever is signed in. Where to go afterwards: `?next=` when it is a
 * path of this server, else the page of the account's role.
 */
const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const TITLE = 'Sign in – Assessment Studio';

interface SessionAnswer {
  accounts: boolean;
  signedIn?: boolean;
  username?: string;
  roles?: string[];
}

/** Only a path on this server: never `//host` or `/\host`, which browsers read as another origin. */
function nextPath(): string | undefined {
  const next = new URLSearchParams(location.search).get('next');
  return next && /^\/(?![/\\])/.test(next) ? next : undefined;
}

function home(roles: readonly string[]): string {
  if (roles.includes('policy-lead')) return '/';
  if (roles.includes('practitioner')) return '/forms/';
  return '/signin';
}

function show(section: 'signed-in' | 'no-accounts' | 'sign-in-section'): void {
  for (const id of ['signed-in', 'no-accounts', 'sign-in-section']) el(id).hidden = id !== section;
}

type FieldError = { field: 'username' | 'password'; message: string };

function showErrors(errors: FieldError[], general?: string): void {
  const summary = el('error-summary');
  const list = el('error-summary-list');
  list.replaceChildren();
  for (const field of ['username', 'password'] as const) {
    const mine = errors.find((e) => e.field === field);
    const message = el(`${field}-error`);
    message.hidden = !mine;
    message.textContent = mine ? `Error: ${mine.message}` : '';
    el(`${field}-group`).classList.toggle('as-form-group--error', !!mine);
    el(`${field}`).classList.toggle('as-input--error', !!mine);
    if (mine) el(field).setAttribute('aria-describedby', `${field}-error`);
    else el(field).removeAttribute('aria-describedby');
  }
  const items = general ? [{ field: 'username' as const, message: general }] : errors;
  for (const e of items) {
    const a = document.createElement('a');
    a.href = `#${e.field}`;
    a.textContent = e.message;
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      el(e.field).focus();
    });
    const li = document.createElement('li');
    li.append(a);
    list.append(li);
  }
  summary.hidden = items.length === 0;
  document.title = items.length ? `Error: ${TITLE}` : TITLE;
  if (items.length) summary.focus();
}

function signedIn(answer: SessionAnswer): void {
  el('signed-in-as').textContent = `You are signed in as ${answer.username} (${(answer.roles ?? []).join(', ')}).`;
  el<HTMLAnchorElement>('continue').href = nextPath() ?? home(answer.roles ?? []);
  document.title = 'Signed in – Assessment Studio';
  show('signed-in');
}

async function signIn(ev: SubmitEvent): Promise<void> {
  ev.preventDefault();
  const username = el<HTMLInputElement>('username').value.trim();
  const password = el<HTMLInputElement>('password').value;
  const missing: FieldError[] = [];
  if (!username) missing.push({ field: 'username', message: 'Enter your username' });
  if (!password) missing.push({ field: 'password', message: 'Enter your password' });
  if (missing.length) return showErrors(missing);
  const button = el<HTMLButtonElement>('submit');
  button.disabled = true;
  try {
    const res = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = (await res.json().catch(() => ({}))) as { error?: string; roles?: string[] };
    if (res.ok) {
      location.assign(nextPath() ?? home(body.roles ?? []));
      return;
    }
    el<HTMLInputElement>('password').value = '';
    showErrors([], res.status === 401 ? 'The username or password is not right' : (body.error ?? `The server answered ${res.status}`));
  } catch {
    showErrors([], 'The server could not be reached. Try again in a moment');
  } finally {
    button.disabled = false;
  }
}

async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', headers: csrfHeaders(document.cookie) }).catch(() => undefined);
  el('signed-out').textContent = 'You have signed out.';
  document.title = TITLE;
  show('sign-in-section');
  el('username').focus();
}

async function start(): Promise<void> {
  el<HTMLFormElement>('sign-in').addEventListener('submit', (ev) => void signIn(ev));
  el('sign-out').addEventListener('click', () => void signOut());
  const answer = (await fetch('/api/session', { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .catch(() => ({ accounts: true, signedIn: false }))) as SessionAnswer;
  if (!answer.accounts) return show('no-accounts');
  if (answer.signedIn) return signedIn(answer);
  show('sign-in-section');
}

void start();
