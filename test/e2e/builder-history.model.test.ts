import fc from 'fast-check';
import { appendFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededParams } from '../support/property';
import { productSuite } from './support/suite';
import { Studio } from './builder-harness';

/**
 * Undo, redo, tabs and the toast's Undo in the real builder, against a model. fast-check generates
 * what a policy lead does with two forms open (add and delete questions, Ctrl+Z and Ctrl+Shift+Z,
 * the toast's Undo, switching, closing and reopening tabs, saving, discarding, reloading); after
 * every step the page is checked:
 * - each form's text, and how many steps it can undo and redo, are the model's: an undo or a redo
 *   acts on the active form only, and gives back exactly the text it left;
 * - the toast offers Undo only while its form is as the change left it, and its Undo takes back
 *   that change in that form (stop 31 found it undoing in whichever tab was active);
 * - a form with unsaved changes is marked so and kept in the browser; the outline shows its questions.
 * Fixed seed and bounded runs in `npm test` (test/support/property.ts).
 */
const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');
const suite = productSuite();

interface DocModel {
  past: string[];
  present: string;
  future: string[];
  saved: string;
  /** Bumped whenever the form's history changes: an offer of Undo stands while it is unchanged. */
  version: number;
}
type ToastModel = { kind: 'undo-edit'; doc: string; version: number; message: RegExp } | { kind: 'undo-discard'; doc: string; text: string; message: RegExp } | { kind: 'plain'; message: RegExp };
interface Model {
  keys: [string, string];
  docs: Record<string, DocModel>;
  active: string;
  toast?: ToastModel;
}
interface Real {
  studio: Studio;
}

interface PageState {
  active: string | undefined;
  docs: Record<string, { present: string; past: number; future: number; saved: string } | undefined>;
  toast: { message: string; undo: boolean } | null;
  dirtyMarkers: string[];
  stored: Record<string, string[]>;
}

async function read(studio: Studio, keys: string[]): Promise<PageState> {
  return studio.page.evaluate((keys) => {
    type D = { history: { present: string; past: string[]; future: string[] }; savedText: string };
    const ws = (window as unknown as { studio: { workspace: { state: { active?: string; docs: Record<string, D> } } } }).studio.workspace;
    const docs: PageState['docs'] = {};
    const stored: Record<string, string[]> = {};
    for (const k of keys) {
      const d = ws.state.docs[k];
      docs[k] = d && { present: d.history.present, past: d.history.past.length, future: d.history.future.length, saved: d.savedText };
      stored[k] = Object.keys(localStorage)
        .filter((s) => s.startsWith(`assessment-studio.draft.${k}#`))
        .map((s) => String((JSON.parse(localStorage.getItem(s) ?? '{}') as { text?: string }).text));
    }
    const box = document.querySelector('[data-testid="toast"] .toast');
    const toast = box ? { message: box.querySelector('span')?.textContent ?? '', undo: [...box.querySelectorAll('button')].some((b) => b.textContent === 'Undo') } : null;
    const dirtyMarkers = keys.filter((k) => document.querySelector(`[data-testid="tab-${k}"] [data-testid="dirty-marker"]`));
    return { active: ws.state.active, docs, toast, dirtyMarkers, stored };
  }, keys);
}

const titles = (text: string): string[] =>
  Object.values((JSON.parse(text) as { schema: { properties: Record<string, { title?: string }> } }).schema.properties).map((p) => String(p.title));
const sectionItems = (text: string): number => ((JSON.parse(text) as { uischema: { elements: Array<{ elements: unknown[] }> } }).uischema.elements[0]?.elements.length ?? 0);

async function check(m: Model, r: Real): Promise<void> {
  // The page settles (a lint pass, a save's answer) before it is read.
  await expect.poll(async () => (await read(r.studio, m.keys)).active, { timeout: 8000 }).toBe(m.active);
  const real = await read(r.studio, m.keys);
  for (const key of m.keys) {
    const want = m.docs[key]!;
    const got = real.docs[key];
    expect(got, `${key} is open`).toBeDefined();
    expect(got!.present, `${key}: its text`).toBe(want.present);
    expect([got!.past, got!.future], `${key}: steps to undo and redo`).toEqual([want.past.length, want.future.length]);
    expect(got!.saved, `${key}: what is on disk`).toBe(want.saved);
    const dirty = want.present !== want.saved;
    expect(real.dirtyMarkers.includes(key), `${key}: marked unsaved`).toBe(dirty);
    if (dirty) expect(real.stored[key], `${key}: its unsaved text kept in the browser`).toContain(want.present);
  }
  // The active form's outline lists its questions.
  await r.studio.showOutline();
  const labels = await r.studio.outlineLabels();
  for (const t of titles(m.docs[m.active]!.present)) expect(labels, `outline of ${m.active}`).toContain(t);
  const t = m.toast;
  if (real.toast) {
    expect(t, `a toast the model has: ${real.toast.message}`).toBeDefined();
    expect(real.toast.message).toMatch(t!.message);
    const offers = t!.kind === 'undo-discard' || (t!.kind === 'undo-edit' && m.docs[t!.doc]!.version === t!.version);
    expect(real.toast.undo, `Undo offered for "${real.toast.message}"`).toBe(offers);
  } else {
    // Gone: timed out, dismissed, or its offer ended. It does not come back.
    delete m.toast;
  }
}

/** With MODEL_LOG=<file>, each step as it starts (a run that stalls says where). */
function step(c: object): void {
  if (process.env.MODEL_LOG) appendFileSync(process.env.MODEL_LOG, `step: ${String(c)}\n`);
}

function change(d: DocModel, text: string): void {
  d.past.push(d.present);
  d.present = text;
  d.future = [];
  d.version++;
}

/** A history the page no longer has (a reload, a reopened tab, a discard): only the text stays. */
function forgetHistory(d: DocModel, present = d.present): void {
  Object.assign(d, { past: [], present, future: [], version: d.version + 1 });
}

const activeUnsaved = (m: Readonly<Model>) => m.docs[m.active]!.present !== m.docs[m.active]!.saved;

async function present(r: Real, key: string): Promise<string> {
  return (await read(r.studio, [key])).docs[key]!.present;
}

/** Clicks a place in the outline that changes nothing, so the keys go to the workbench, not a field. */
async function focusOutline(r: Real): Promise<void> {
  await r.studio.showOutline();
  await r.studio.selectSection(0);
}

class Add implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const d = m.docs[m.active]!;
    const before = titles(d.present);
    await focusOutline(r);
    await r.studio.command('add text question');
    await expect.poll(() => present(r, m.active)).not.toBe(d.present);
    const text = await present(r, m.active);
    expect(titles(text).sort(), 'one question added').toEqual([...before, 'New text question'].sort());
    change(d, text);
    await check(m, r);
  }
  toString = () => 'Add';
}

class Delete implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => sectionItems(m.docs[m.active]!.present) > 0;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const d = m.docs[m.active]!;
    const before = titles(d.present);
    await r.studio.showOutline();
    await r.studio.selectItem(0, 0);
    await r.studio.page.keyboard.press('Delete');
    await r.studio.page.getByTestId('confirm-delete').waitFor();
    await r.studio.page.keyboard.press('Enter');
    await expect.poll(() => present(r, m.active)).not.toBe(d.present);
    const text = await present(r, m.active);
    expect(titles(text).length, 'one question deleted').toBe(before.length - 1);
    change(d, text);
    m.toast = { kind: 'undo-edit', doc: m.active, version: d.version, message: /^Deleted “/ };
    await check(m, r);
  }
  toString = () => 'Delete';
}

class Undo implements fc.AsyncCommand<Model, Real> {
  constructor(readonly redo: boolean) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const d = m.docs[m.active]!;
    await focusOutline(r);
    await r.studio.page.keyboard.press(this.redo ? 'Control+Shift+Z' : 'Control+Z');
    const [from, to] = this.redo ? [d.future, d.past] : [d.past, d.future];
    if (from.length) {
      const text = this.redo ? from.shift()! : from.pop()!;
      if (this.redo) to.push(d.present);
      else to.unshift(d.present);
      d.present = text;
      d.version++;
    }
    await check(m, r);
  }
  toString = () => (this.redo ? 'Redo' : 'Undo');
}

class ToastUndo implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.toast !== undefined && m.toast.kind !== 'plain';
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const button = r.studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' });
    // The offer may have ended, or the toast timed out, since the last step: then there is nothing to click.
    if (!(await button.count())) return void (await check(m, r));
    const t = m.toast!;
    await button.click();
    if (t.kind === 'undo-edit') {
      expect(m.docs[t.doc]!.version, 'Undo was offered while its form was as the change left it').toBe(t.version);
      const d = m.docs[t.doc]!;
      d.future.unshift(d.present);
      d.present = d.past.pop()!;
      d.version++;
      delete m.toast;
    } else if (t.kind === 'undo-discard') {
      change(m.docs[t.doc]!, t.text);
      m.toast = { kind: 'plain', message: /^Brought back the discarded changes/ };
    }
    await check(m, r);
  }
  toString = () => 'ToastUndo';
}

class Switch implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const other = m.keys.find((k) => k !== m.active)!;
    await r.studio.page.getByTestId(`tab-${other}`).click();
    m.active = other;
    await check(m, r);
  }
  toString = () => 'Switch';
}

class Save implements fc.AsyncCommand<Model, Real> {
  check = activeUnsaved;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const d = m.docs[m.active]!;
    await focusOutline(r);
    await r.studio.save();
    await r.studio.expectToast(/^Saved /);
    d.saved = d.present;
    m.toast = { kind: 'plain', message: /^Saved / };
    await check(m, r);
  }
  toString = () => 'Save';
}

class Discard implements fc.AsyncCommand<Model, Real> {
  check = activeUnsaved;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const d = m.docs[m.active]!;
    await focusOutline(r);
    await r.studio.command('discard unsaved');
    await r.studio.page.getByTestId('confirm-discard-yes').click();
    await r.studio.expectToast(/^Discarded unsaved changes/);
    m.toast = { kind: 'undo-discard', doc: m.active, text: d.present, message: /^Discarded unsaved changes/ };
    forgetHistory(d, d.saved);
    await check(m, r);
  }
  toString = () => 'Discard';
}

/** Closing a tab forgets its history, not its unsaved text: reopened, the form is as it was left. */
class CloseAndReopen implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    const key = m.active;
    const [id, version] = key.split('@') as [string, string];
    await r.studio.page.getByRole('button', { name: new RegExp(`^Close ${id}`) }).click();
    await r.studio.page.getByTestId(`tab-${key}`).waitFor({ state: 'detached' });
    await r.studio.openVersion(id, version);
    forgetHistory(m.docs[key]!);
    await check(m, r);
  }
  toString = () => 'CloseAndReopen';
}

class Reload implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    step(this);
    await r.studio.page.reload();
    for (const key of m.keys) await r.studio.page.getByTestId(`tab-${key}`).waitFor();
    for (const d of Object.values(m.docs)) forgetHistory(d);
    delete m.toast;
    await check(m, r);
  }
  toString = () => 'Reload';
}

/** Weighted by repeating: the toast's Undo is tried often enough to follow a delete, a switch or an undo. */
const times = (n: number, command: fc.AsyncCommand<Model, Real>) => Array.from({ length: n }, () => fc.constant(command));
const commands = [
  ...times(3, new Add()),
  ...times(3, new Delete()),
  ...times(4, new ToastUndo()),
  ...times(2, new Undo(false)),
  ...times(1, new Undo(true)),
  ...times(3, new Switch()),
  ...times(1, new Save()),
  ...times(1, new Discard()),
  ...times(1, new CloseAndReopen()),
  ...times(1, new Reload()),
];

describe.skipIf(!built)('undo, redo, tabs and toasts in the builder against their model', () => {
  it('opens on the same tab after a second reload (the model found it opening on the first tab)', { timeout: 120_000 }, async () => {
    const studio = await Studio.open(suite.browser, suite.server.url);
    try {
      await studio.newForm('Reload twice first');
      await expect.poll(() => studio.activeKey(), { timeout: 20_000 }).toBe('reload-twice-first@1.0.0');
      await studio.newForm('Reload twice second');
      await expect.poll(() => studio.activeKey(), { timeout: 20_000 }).toBe('reload-twice-second@1.0.0');
      for (const _ of [1, 2]) {
        await studio.page.reload();
        await studio.page.getByTestId('tab-reload-twice-first@1.0.0').waitFor();
        await expect.poll(() => studio.activeKey(), { timeout: 20_000 }).toBe('reload-twice-second@1.0.0');
        expect(await studio.page.getByTestId('tab-reload-twice-second@1.0.0').getAttribute('aria-current')).toBe('page');
      }
    } finally {
      await studio.close();
    }
  });

  it('undoes and redoes exactly, in the form it belongs to, after every generated step', { timeout: 600_000 }, async () => {
    const random = process.env.PROPERTY_SEED === 'random';
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20, size: 'max' }).filter((c) => [...c].length >= 12), async (cmds) => {
        const studio = await Studio.open(suite.browser, suite.server.url);
        // A step that cannot happen fails in seconds, with what it waited for.
        studio.page.setDefaultTimeout(10_000);
        try {
              const name = `History run ${'abcdefghijklmnopqrstuvwxyz'[run++ % 26]}`;
          await studio.newForm(`${name} first`);
          await expect.poll(() => studio.activeKey(), { timeout: 20_000 }).toBeDefined();
          const first = (await studio.activeKey())!;
          await studio.newForm(`${name} second`);
          await expect.poll(() => studio.activeKey(), { timeout: 20_000 }).not.toBe(first);
          const second = (await studio.activeKey())!;
          const start = await read(studio, [first, second]);
          const doc = (key: string): DocModel => ({ past: [], present: start.docs[key]!.present, future: [], saved: start.docs[key]!.saved, version: 0 });
          const model: Model = { keys: [first, second], docs: { [first]: doc(first), [second]: doc(second) }, active: second };
          await fc.asyncModelRun(() => ({ model, real: { studio } }), cmds);
          expect(studio.unexpectedErrors()).toEqual([]);
        } finally {
          if (process.env.MODEL_LOG) appendFileSync(process.env.MODEL_LOG, `session: ${String(cmds)}\n`);
          await studio.close();
        }
      }),
      seededParams(random ? 8 : 3, { endOnFailure: true, verbose: random ? 1 : 0 }),
    );
  });
});
