import fc from 'fast-check';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededParams } from '../support/property';
import { productSuite } from './support/suite';
import { formDraftKeys, readDraft } from './support/drafts';
import { answerRoutineRequired, openSection } from './runtime-harness';

/**
 * Issue 14: a model-based test of the practitioner page. fast-check generates sequences of what a
 * practitioner does on routine-enquiry 2.0.0 (answer, change the safety answer, move between
 * sections, reload, kill the tab, quick exit on the form, on the drafts page and while a draft is
 * read slowly, submit); each runs on the real page in Chromium, and after every
 * step the page and the device are checked against a model of what must hold:
 * - check your answers shows exactly the response's answers (nothing hidden, nothing missing);
 * - nothing hidden is in a submitted response;
 * - after quick exit nothing of the form is restorable from the device;
 * - nothing saved more than a second ago is lost (the stored draft holds the model's answers).
 * Fixed seed (test/support/property.ts) and bounded runs inside `npm test`; `npm run test:random` runs it with a fresh seed.
 */
const suite = productSuite();

const FORM = '/forms/routine-enquiry/2.0.0';
const CANARY = 'CANARY-MODEL';

interface Model {
  gate?: 'Yes' | 'No';
  plan?: string;
  afraid?: 'Yes' | 'No';
  required: boolean;
}

interface Real {
  context: BrowserContext;
  page: Page;
  probe: Page;
}

const fresh = (): Model => ({ required: false });
/** The answers a response must hold, from the model: hidden ones are not there. */
function shown(m: Model): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (m.gate) out.safeToTalk = m.gate === 'Yes';
  if (m.gate === 'No' && m.plan) out.notSafePlan = m.plan;
  if (m.gate === 'No') out.notSafeReason = 'partner_present';
  if (m.gate === 'Yes' && m.afraid) out.afraidOfPartner = m.afraid.toLowerCase();
  return out;
}

async function open(r: Real): Promise<void> {
  await r.page.goto(`${suite.server.url}${FORM}`, { waitUntil: 'networkidle' });
  await settle(r.page);
}

/** After a load: resume the one draft if the chooser is offered, then wait for the form. */
async function settle(page: Page): Promise<void> {
  const resume = page.getByRole('button', { name: /^Resume/ });
  const form = page.locator('#as-section-heading');
  await Promise.race([resume.first().waitFor(), form.waitFor()]);
  if (await resume.count()) await resume.first().click();
  await form.waitFor();
}

const gateGroup = (page: Page) => page.getByRole('group', { name: /alone and able to talk safely/ });

/** A practitioner's step, checked against the model's promises once it is done. */
abstract class Step implements fc.AsyncCommand<Model, Real> {
  abstract check(m: Readonly<Model>): boolean;
  abstract act(m: Model, r: Real): Promise<void>;
  async run(m: Model, r: Real): Promise<void> {
    await this.act(m, r);
    await invariants(m, r);
  }
}

/** Answers the safety check, as a practitioner does before what depends on it. */
async function answerGate(m: Model, r: Real, value: 'Yes' | 'No'): Promise<void> {
  await openSection(r.page, 'Before you ask');
  await gateGroup(r.page).getByLabel(value, { exact: true }).check();
  m.gate = value;
}

class SetGate extends Step {
  constructor(readonly value: 'Yes' | 'No') {
    super();
  }
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  async act(m: Model, r: Real) {
    await answerGate(m, r, this.value);
  }
  override toString(): string {
    return `gate ${this.value}`;
  }
}

class TypePlan extends Step {
  constructor(readonly text: string) {
    super();
  }
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  /** The plan is asked only when it is not safe to talk: the safety answer turns No first. */
  async act(m: Model, r: Real) {
    if (m.gate !== 'No') await answerGate(m, r, 'No');
    const field = r.page.getByLabel(/next try to see the person/);
    await field.fill('');
    await field.pressSequentially(this.text, { delay: 15 });
    m.plan = this.text;
  }
  override toString(): string {
    return `type plan ${JSON.stringify(this.text)}`;
  }
}

class AnswerAfraid extends Step {
  constructor(readonly value: 'Yes' | 'No') {
    super();
  }
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  /** Asked only behind the safety check: the safety answer turns Yes first. */
  async act(m: Model, r: Real) {
    if (m.gate !== 'Yes') await answerGate(m, r, 'Yes');
    await openSection(r.page, 'Relationships');
    await r.page.getByRole('group', { name: /afraid of a partner/ }).getByLabel(this.value, { exact: true }).check();
    m.afraid = this.value;
  }
  override toString(): string {
    return `afraid ${this.value}`;
  }
}

class FillRequired extends Step {
  check(m: Readonly<Model>): boolean {
    return !m.required;
  }
  async act(m: Model, r: Real) {
    await answerRoutineRequired(r.page);
    m.required = true;
  }
  override toString(): string {
    return 'fill required';
  }
}

class Reload extends Step {
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  async act(_m: Model, r: Real) {
    await r.page.reload({ waitUntil: 'networkidle' });
    await settle(r.page);
  }
  override toString(): string {
    return 'reload';
  }
}

/**
 * The tab dies (as when the browser or the device is killed): the page goes without running any
 * of its pagehide or visibilitychange handlers, so nothing is flushed on the way out. Everything
 * done more than a second ago must come back in a new tab. (A crashed renderer would be truer,
 * but Chromium then refuses new pages in the same profile; runtime-drafts.test.ts SIGKILLs a
 * whole browser.)
 */
class Kill extends Step {
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  async act(m: Model, r: Real) {
    await r.page.evaluate(() => {
      const swallow = (e: Event) => e.stopImmediatePropagation();
      // Capture listeners on the target run before the form's own: its handlers never see these events.
      for (const type of ['pagehide', 'beforeunload', 'unload']) window.addEventListener(type, swallow, true);
      document.addEventListener('visibilitychange', swallow, true);
    });
    await r.page.close();
    r.page = await r.context.newPage();
    await open(r);
    if (!m.gate) return;
    // The draft reopens on the section it was on: the safety answer is on the first.
    await openSection(r.page, 'Before you ask');
    expect(await gateGroup(r.page).getByLabel(m.gate, { exact: true }).isChecked(), 'the safety answer is back after the kill').toBe(true);
  }
  override toString(): string {
    return 'kill the tab';
  }
}

/** Quick exit pressed by `press`: every tab leaves, nothing of the form is restorable, and the form starts afresh. */
async function quickExitAndCheck(m: Model, r: Real, press: () => Promise<void>): Promise<void> {
  await press();
  await r.page.waitForURL('about:blank');
  // The probe is a page of the service too, so quick exit sends it away as well (every tab
  // leaves; CI once read the store while it was navigating): let it go, then open it again.
  await r.probe.waitForURL('about:blank', { timeout: 3_000 }).catch(() => undefined);
  await r.probe.goto(`${suite.server.url}/forms/`, { waitUntil: 'networkidle' });
  expect(await formDraftKeys(r.probe, 'routine-enquiry'), 'after quick exit nothing is restorable').toEqual([]);
  Object.assign(m, fresh(), { gate: undefined, plan: undefined, afraid: undefined });
  await open(r);
}

const quickExitButton = (page: Page) => page.getByRole('button', { name: /^Quick exit/ });
const CHOOSER = 'Assessments in progress on this device';

class QuickExit extends Step {
  constructor(readonly afterMs: number) {
    super();
  }
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  async act(m: Model, r: Real) {
    await r.page.waitForTimeout(this.afterMs);
    await quickExitAndCheck(m, r, () => quickExitButton(r.page).click());
  }
  override toString(): string {
    return `quick exit after ${this.afterMs} ms`;
  }
}

/** Back to the form with a draft saved: the page offering this device's drafts, and Quick exit there (stop 29: it had none). */
class QuickExitOnDrafts extends Step {
  constructor(readonly by: 'button' | 'escape') {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.gate !== undefined; // the draft holds the safety answer a second after it is given (invariants)
  }
  async act(m: Model, r: Real) {
    await r.page.reload({ waitUntil: 'networkidle' });
    await r.page.getByRole('heading', { name: CHOOSER }).waitFor();
    await quickExitAndCheck(m, r, async () => {
      if (this.by === 'button') await quickExitButton(r.page).click();
      else for (let i = 0; i < 2; i++) await r.page.keyboard.press('Escape');
    });
  }
  override toString(): string {
    return `quick exit on the drafts page by ${this.by}`;
  }
}

/**
 * Resume the draft on a slow device (its decryption held back, see SLOW_READ) and press Quick exit
 * while "Checking for saved answers…" shows (stop 29: a draft read after the press came back).
 */
class QuickExitWhileReading extends Step {
  constructor(readonly afterMs: number) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.gate !== undefined;
  }
  async act(m: Model, r: Real) {
    await r.page.evaluate(([k, ms]) => sessionStorage.setItem(k, ms), [SLOW_READ, String(SLOW_READ_MS)] as const);
    try {
      await r.page.reload({ waitUntil: 'networkidle' });
      await r.page.getByRole('heading', { name: CHOOSER }).waitFor({ timeout: 15_000 });
      await r.page.getByRole('button', { name: /^Resume/ }).first().click();
      await r.page.getByRole('status').filter({ hasText: 'Checking for saved answers…' }).waitFor();
      await r.page.waitForTimeout(this.afterMs);
      await quickExitAndCheck(m, r, () => quickExitButton(r.page).click());
      // Later in the read than the press: still nothing, once the held-back read has ended.
      await r.probe.waitForTimeout(SLOW_READ_MS);
      expect(await formDraftKeys(r.probe, 'routine-enquiry'), 'nothing is restorable after the read ends').toEqual([]);
    } finally {
      await r.page.evaluate((k) => sessionStorage.removeItem(k), SLOW_READ).catch(() => undefined);
    }
  }
  override toString(): string {
    return `quick exit ${this.afterMs} ms into a slow read of the draft`;
  }
}

/** A tab's sessionStorage key that holds back every decryption in that tab by its value in ms (set up per context below). */
const SLOW_READ = 'as-test-slow-read';
const SLOW_READ_MS = 900;

class Submit extends Step {
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  /** The required answers first if missing, and the safety answer No: whatever was answered behind it must not go. */
  async act(m: Model, r: Real) {
    const page = r.page;
    if (!m.required) {
      await answerRoutineRequired(page);
      m.required = true;
    }
    if (m.gate !== 'No') await answerGate(m, r, 'No');
    await openSection(page, 'Before you ask');
    await page.getByRole('group', { name: /not safe to ask today/ }).getByLabel(/partner or ex-partner was present/).check();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    const check = (await page.locator('.as-check').textContent()) ?? '';
    const expected = shown(m);
    expect(check.includes('afraid of a partner'), 'check your answers shows no hidden question').toBe(false);
    if (m.plan) expect(check.includes(m.plan), 'check your answers shows the plan exactly when it counts').toBe('notSafePlan' in expected);
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await page.getByRole('heading', { name: 'Assessment submitted' }).waitFor();
    const link = page.getByRole('link', { name: 'Download the response (JSON)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    let text = '';
    for await (const chunk of await download.createReadStream()) text += chunk.toString();
    const answers = JSON.parse(text).answers as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) expect(answers[k], `response holds ${k}`).toEqual(v);
    if (!('afraidOfPartner' in expected)) expect(answers, 'nothing hidden is submitted').not.toHaveProperty('afraidOfPartner');
    if (!('notSafePlan' in expected)) expect(answers, 'nothing hidden is submitted').not.toHaveProperty('notSafePlan');
    expect(await formDraftKeys(r.probe, 'routine-enquiry'), 'a submitted assessment leaves no draft').toEqual([]);
    Object.assign(m, fresh(), { gate: undefined, plan: undefined, afraid: undefined });
    await open(r);
  }
  override toString(): string {
    return 'submit';
  }
}

const KNOWN = ['safeToTalk', 'notSafePlan', 'notSafeReason', 'afraidOfPartner', 'enquiryDate', 'hasChildren', 'femaleWorkerOffered'];

/** How the stored draft differs from the model (empty when it holds what was done). */
function draftMismatches(m: Model, stored: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (m.gate && stored.safeToTalk !== (m.gate === 'Yes')) out.push('the safety answer is saved');
  // Hidden answers may stay in the draft (changing one's mind brings them back), so only what was typed last is compared.
  if (m.plan && stored.notSafePlan !== m.plan) out.push('the plan typed is saved');
  if (m.afraid && stored.afraidOfPartner !== m.afraid.toLowerCase()) out.push('the afraid answer is saved');
  if (!Object.keys(stored).every((k) => KNOWN.includes(k))) out.push('no answer of another assessment appears');
  return out;
}

/**
 * After every step: within a second, the stored draft holds what was done (so nothing done more
 * than a second ago can be lost), and nothing of another assessment.
 */
async function invariants(m: Model, r: Real): Promise<void> {
  const deadline = Date.now() + 1100;
  let wrong: string[];
  for (;;) {
    const draft = await readDraft(r.probe, 'routine-enquiry');
    wrong = draftMismatches(m, (draft?.answers ?? {}) as Record<string, unknown>);
    if (wrong.length === 0 || Date.now() > deadline) break;
    await r.probe.waitForTimeout(100);
  }
  expect(wrong, 'the draft a second after the step').toEqual([]);
}

const commands = [
  // The safety answer twice over: most other steps apply only once it is given.
  fc.constantFrom('Yes' as const, 'No' as const).map((v) => new SetGate(v)),
  fc.constantFrom('Yes' as const, 'No' as const).map((v) => new SetGate(v)),
  // Answers behind and beside the safety check twice over too: they are what must not leak.
  fc.stringMatching(/^[A-Za-z ]{3,12}$/).map((t) => new TypePlan(`${CANARY} ${t.trim() || 'x'}`)),
  fc.stringMatching(/^[A-Za-z ]{3,12}$/).map((t) => new TypePlan(`${CANARY} ${t.trim() || 'x'}`)),
  fc.constantFrom('Yes' as const, 'No' as const).map((v) => new AnswerAfraid(v)),
  fc.constantFrom('Yes' as const, 'No' as const).map((v) => new AnswerAfraid(v)),
  fc.constant(new FillRequired()),
  fc.constant(new Reload()),
  fc.constant(new Kill()),
  fc.constantFrom(0, 120, 260, 500).map((ms) => new QuickExit(ms)),
  fc.constantFrom('button' as const, 'escape' as const).map((by) => new QuickExitOnDrafts(by)),
  fc.constantFrom(0, 150, 400).map((ms) => new QuickExitWhileReading(ms)),
  fc.constant(new Submit()),
];

describe('the practitioner page against its model', () => {
  it('keeps every promise after every step of generated sessions', { timeout: 600_000 }, async () => {
    const random = process.env.PROPERTY_SEED === 'random';
    await fc.assert(
      // At least 8 steps a session (some are skipped when they do not apply): a short one proves little.
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }).filter((c) => [...c].length >= 8), async (cmds) => {
        const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
        // A slow device on demand: a tab whose sessionStorage holds SLOW_READ decrypts that much later.
        await context.addInitScript((key) => {
          const subtle = crypto.subtle;
          const decrypt = subtle.decrypt.bind(subtle);
          subtle.decrypt = (...args: Parameters<SubtleCrypto['decrypt']>) => {
            const ms = Number(sessionStorage.getItem(key) ?? 0);
            return (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve()).then(() => decrypt(...args));
          };
        }, SLOW_READ);
        const real: Real = { context, page: await context.newPage(), probe: await context.newPage() };
        try {
          await real.probe.goto(`${suite.server.url}/forms/`, { waitUntil: 'networkidle' });
          await open(real);
          const model = fresh();
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        } finally {
          // MODEL_LOG=1 prints each session's steps as run (fast-check lists the executed ones).
          if (process.env.MODEL_LOG) console.log(`session: ${String(cmds)}`);
          await context.close();
        }
      }),
      // Each run is a browser session of up to 12 steps (about 30 s): 3 runs in npm test, 8 under test:random.
      seededParams(random ? 8 : 3, { endOnFailure: true, verbose: random ? 1 : 0 }),
    );
  });
});
