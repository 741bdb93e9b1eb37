import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { runAxe } from './support/axe';
import { watchPageErrors } from './support/browser';
import { saveScreenshot } from './support/screenshots';

/**
 * A fluent harness over the builder in real Chromium, so the browser tests read like what a
 * policy lead does (tldraw's TestEditor). It only clicks, types and presses keys.
 */


export interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  targets: unknown[];
}

export class Studio {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly errors: string[],
    readonly url: string,
  ) {}

  static async open(browser: Browser, url: string, options: { colorScheme?: 'light' | 'dark'; context?: BrowserContext } = {}): Promise<Studio> {
    const context = options.context ?? (await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? 'light', locale: 'en-GB' }));
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`response ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    const studio = new Studio(page, context, errors, url);
    await page.goto(url + '/');
    await page.getByRole('heading', { name: /Explorer/ }).waitFor();
    return studio;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  /** Console errors other than expected refusals (a 409 conflict is logged by Chromium as a failed resource). */
  unexpectedErrors(allow: RegExp[] = []): string[] {
    return this.errors.filter((e) => !allow.some((r) => r.test(e)));
  }

  get outline(): Locator {
    return this.page.getByTestId('outline');
  }

  async shot(name: string): Promise<string | null> {
    return saveScreenshot(this.page, name);
  }

  async axe(): Promise<AxeResult[]> {
    return (await runAxe(this.page)).map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  }

  async seriousAxeViolations(): Promise<string[]> {
    return (await this.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} ${JSON.stringify(v.targets.slice(0, 3))}`);
  }

  /** Runs a command through the palette, as a user would: Ctrl+Shift+P, type, Enter. */
  async command(title: string): Promise<this> {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.getByTestId('quick-input');
    await input.waitFor();
    await input.fill(title);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'detached' });
    return this;
  }

  async newForm(title: string): Promise<this> {
    await this.command('new form');
    await this.page.getByTestId('new-form-title').fill(title);
    await this.page.getByTestId('new-form-create').click();
    await this.outline.waitFor();
    return this;
  }

  async openVersion(id: string, version: string): Promise<this> {
    await this.page.getByRole('button', { name: 'Explorer (Ctrl+Shift+E)' }).click();
    await this.page.getByTestId(`explorer-${id}@${version}`).click();
    await this.page.getByTestId(`tab-${id}@${version}`).waitFor();
    return this;
  }

  async showOutline(): Promise<this> {
    if ((await this.page.getByTestId('activity-outline').getAttribute('aria-pressed')) !== 'true') await this.page.getByTestId('activity-outline').click();
    await this.outline.waitFor();
    return this;
  }

  async add(kind: string): Promise<this> {
    await this.page.getByTestId('palette-toggle').click();
    await this.page.getByTestId(`palette-${kind}`).click();
    return this;
  }

  async selectSection(section: number): Promise<this> {
    await this.page.getByTestId(`outline-section-${section}`).click();
    return this;
  }

  async selectItem(section: number, index: number): Promise<this> {
    await this.page.getByTestId(`outline-item-${section}-${index}`).click();
    return this;
  }

  async selectOutlineRow(name: string | RegExp): Promise<this> {
    await this.outline.getByRole('button', { name }).first().click();
    return this;
  }

  /** Types into the properties form's first field (question, heading or title). */
  async label(text: string): Promise<this> {
    await this.page.locator('#prop-label').fill(text);
    return this;
  }

  /** Pastes a list of options ("Label = score" a line) into the selected choice question. */
  async pasteOptions(lines: string): Promise<this> {
    await this.page.getByTestId('options-paste-open').click();
    await this.page.getByTestId('options-paste').fill(lines);
    await this.page.getByTestId('options-paste-apply').click();
    return this;
  }

  async check(testId: string, on = true): Promise<this> {
    const box = this.page.getByTestId(testId);
    if ((await box.isChecked()) !== on) await box.click();
    return this;
  }

  async choose(testId: string, label: string): Promise<this> {
    await this.page.getByTestId(testId).selectOption({ label });
    return this;
  }

  async showWhen(question: string, value: string): Promise<this> {
    await this.choose('showwhen-question', question);
    await this.choose('showwhen-value', value);
    return this;
  }

  async outlineLabels(): Promise<string[]> {
    return this.outline.locator('.row-label').allInnerTexts();
  }

  async problemCodes(): Promise<string[]> {
    const list = this.page.getByTestId('problems');
    if (!(await list.count())) return [];
    return list.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  }

  async statusText(): Promise<string> {
    return this.page.getByTestId('status-bar').innerText();
  }

  /** The key (`id@version`) of the form in the active tab, as the workspace holds it. */
  async activeKey(): Promise<string | undefined> {
    return this.page.evaluate(() => (window as unknown as { studio: { workspace: { state: { active?: string } } } }).studio.workspace.state.active);
  }

  async save(): Promise<this> {
    await this.page.keyboard.press('Control+S');
    return this;
  }

  async toast(): Promise<string> {
    return this.page.getByTestId('toast').innerText();
  }

  async expectToast(pattern: RegExp): Promise<void> {
    await this.page.getByTestId('toast').getByText(pattern).waitFor({ timeout: 10_000 });
  }

  async jsonView(): Promise<Locator> {
    await this.page.getByTestId('view-json').click();
    const editor = this.page.getByTestId('json-editor');
    await editor.locator('.view-lines').waitFor();
    return editor;
  }

  async designView(): Promise<this> {
    await this.page.getByTestId('view-design').click();
    return this;
  }

  /**
   * Replaces the first match of `find` in Monaco from the keyboard: Ctrl+F, Enter, Escape, then the new text. Each step
   * waits for the focus it needs, so on a loaded machine keys never land in the wrong place.
   */
  async replaceInMonaco(find: string, replacement: string): Promise<this> {
    const editor = await this.jsonView();
    await editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+F');
    await this.page.waitForFunction(() => document.activeElement?.closest('.find-widget') != null);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(find);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.waitForFunction(
      (expected) => (window as unknown as { studio: { selection(): string } }).studio.selection() === expected,
      find,
      { timeout: 10_000 },
    );
    // Delete, then insert as one input (as a paste is). Typed key by key, Monaco's auto-closing
    // quotes add a stray quote; inserted over the selection, its textarea diff does the same.
    await this.page.keyboard.press('Backspace');
    if (replacement) await this.page.keyboard.insertText(replacement);
    return this;
  }
}
