import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Definition } from '../../runtime/core/index';

/**
 * Helpers of the security browser tests (security-canary, security-longtasks): a private copy of
 * the built app, a filler that reaches every question of a form behind its rules, and a reader of
 * everything the page's origin keeps.
 */
export type Props = Record<string, Record<string, unknown>>;

/** Whether the answer a control's id names is sensitive: its own mark, or a sensitive group's item. */
export function sensitivityOf(definition: Definition, controlId: string): boolean {
  const props = ((definition.schema as { properties?: Props }).properties ?? {}) as Props;
  const parts = controlId.replace(/^as-/, '').split('-');
  const top = props[parts[0]!];
  if (!top) return false;
  if (top['x-sensitivity']) return true;
  const items = top.items as { properties?: Props } | undefined;
  const item = parts.length >= 3 ? items?.properties?.[parts[2]!] : undefined;
  return !!item?.['x-sensitivity'];
}

/**
 * For each question a SHOW rule depends on, the option indexes that reveal a follow-up, so the
 * filler reaches the questions behind them (an evidence box behind "a concern", and so on).
 */
export function revealingOptions(definition: Definition): Map<string, Set<number>> {
  const props = ((definition.schema as { properties?: Props }).properties ?? {}) as Props;
  const optionsOf = (key: string): unknown[] => {
    const find = (ps: Props): Record<string, unknown> | undefined =>
      ps[key] ?? Object.values(ps).map((p) => (p.items as { properties?: Props } | undefined)?.properties).filter(Boolean).map((ip) => ip![key]).find(Boolean);
    const q = find(props);
    if (!q) return [];
    if (q.type === 'boolean') return [true, false];
    const list = (q.oneOf ?? (q.items as Record<string, unknown> | undefined)?.oneOf ?? []) as Array<{ const: unknown }>;
    return list.map((o) => o.const);
  };
  const out = new Map<string, Set<number>>();
  const wanted = (key: string, schema: Record<string, unknown>) => {
    const values = [schema.const, ...((schema.enum as unknown[]) ?? []), (schema.contains as Record<string, unknown> | undefined)?.const].filter((v) => v !== undefined);
    const options = optionsOf(key);
    for (const v of values) {
      const i = options.indexOf(v);
      if (i >= 0) out.set(key, (out.get(key) ?? new Set()).add(i));
    }
  };
  const condition = (c: Record<string, unknown>) => {
    if (Array.isArray(c.conditions)) for (const x of c.conditions as Array<Record<string, unknown>>) condition(x);
    if (typeof c.scope === 'string' && c.schema) wanted(c.scope.split('/').at(-1)!, c.schema as Record<string, unknown>);
  };
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const rule = n.rule as { effect?: string; condition?: Record<string, unknown> } | undefined;
    if (rule?.condition && (rule.effect === 'SHOW' || rule.effect === 'ENABLE')) condition(rule.condition);
    for (const v of Object.values(n)) walk(v);
  };
  walk(definition.uischema);
  return out;
}

/**
 * The option a choice gets when none of its options reveals anything by itself: the first, or for
 * a scored choice the highest scored, so a total reaches every threshold a follow-up waits for (the
 * AUDIT's brief advice from 8 and specialist assessment from 20).
 */
export function topScored(definition: Definition, key: string): number {
  const q = (((definition.schema as { properties?: Props }).properties ?? {}) as Props)[key];
  const scores = ((q?.oneOf ?? []) as Array<{ 'x-score'?: unknown }>).map((o) => (typeof o['x-score'] === 'number' ? o['x-score'] : -Infinity));
  const top = Math.max(...scores);
  return top === -Infinity ? 0 : scores.indexOf(top);
}

/** A number the question accepts: 3, or its minimum when that is higher (an age at death of 10 or more). */
export function numberFor(definition: Definition, controlId: string): string {
  const props = ((definition.schema as { properties?: Props }).properties ?? {}) as Props;
  const parts = controlId.replace(/^as-/, '').split('-');
  const top = props[parts[0]!];
  const q = (parts.length >= 3 ? (top?.items as { properties?: Props } | undefined)?.properties?.[parts[2]!] : top) ?? {};
  const min = typeof q.minimum === 'number' ? q.minimum : 0;
  const max = typeof q.maximum === 'number' ? q.maximum : Infinity;
  return String(Math.min(Math.max(3, min), max));
}

/** Everything the page's own origin can read back, as text: IndexedDB (every database, store, key and value), Web Storage, Cache Storage. */
export async function readableStorage(page: Page): Promise<{ text: string; keys: Array<{ extractable: boolean }>; records: number }> {
  return page.evaluate(async () => {
    const keys: Array<{ extractable: boolean }> = [];
    const show = (v: unknown, depth = 0): string => {
      if (depth > 20) return '…';
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const bytes = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        // Both a byte-per-char and a UTF-8 reading, so plaintext in a buffer shows either way.
        return `bytes(${String.fromCharCode(...bytes.subarray(0, 65536))}|${new TextDecoder('utf-8', { fatal: false }).decode(bytes)})`;
      }
      if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) {
        keys.push({ extractable: v.extractable });
        return `CryptoKey(${v.type},${v.extractable},${JSON.stringify(v.algorithm)})`;
      }
      if (v instanceof Blob) return `Blob(${v.size})`;
      if (Array.isArray(v)) return `[${v.map((x) => show(x, depth + 1)).join(',')}]`;
      if (v instanceof Map) return `Map(${[...v].map(([k, x]) => `${show(k, depth + 1)}=>${show(x, depth + 1)}`).join(',')})`;
      if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}:${show(x, depth + 1)}`).join(',')}}`;
      return JSON.stringify(v) ?? String(v);
    };
    const parts: string[] = [];
    let records = 0;
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const all = await new Promise<[unknown[], unknown[]]>((res, rej) => {
          const t = db.transaction(store).objectStore(store);
          const k = t.getAllKeys();
          const v = t.getAll();
          v.onsuccess = () => res([k.result, v.result]);
          v.onerror = () => rej(v.error);
        });
        records += all[1].length;
        parts.push(`idb ${info.name}/${store}: ${show(all[0])} = ${show(all[1])}`);
      }
      db.close();
    }
    parts.push(`localStorage ${JSON.stringify({ ...localStorage })}`, `sessionStorage ${JSON.stringify({ ...sessionStorage })}`);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) parts.push(`cache ${name} ${req.url} ${await (await cache.match(req))!.text()}`);
    }
    return { text: parts.join('\n'), keys, records };
  });
}

export interface Control {
  id: string;
  name: string;
  tag: string;
  type: string;
  className: string;
  inputMode: string;
  filled: boolean;
  label: string;
}

/** The visible, enabled controls of the section on screen (and the Add buttons of empty groups). */
export async function controls(page: Page): Promise<{ list: Control[]; addButtons: string[] }> {
  return page.evaluate(() => {
    const form = document.querySelector('.as-main form');
    if (!form) return { list: [], addButtons: [] };
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
    const list = [...form.querySelectorAll<HTMLInputElement>('input, textarea, select')]
      .filter((el) => visible(el) && !el.disabled && !el.readOnly)
      .map((el) => {
        const group = el.name ? [...form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(el.name)}"]`)] : [];
        const filled = el.type === 'radio' || el.type === 'checkbox' ? group.some((g) => g.checked) : el.value !== '';
        const label = el.id ? (document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '').trim() : '';
        return { id: el.id, name: el.name, tag: el.tagName.toLowerCase(), type: (el.getAttribute('type') ?? '').toLowerCase(), className: el.className, inputMode: el.inputMode, filled, label };
      });
    const addButtons = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.as-group')]
      .filter((g) => visible(g) && g.querySelectorAll('.as-group__item').length === 0)
      .map((g) => g.id);
    return { list, addButtons };
  });
}

/**
 * Clicks a radio or checkbox until the form shows it chosen. A field left just before shows its
 * error on blur, which moves the page between mouse down and up and can swallow the first click.
 */
export async function choose(el: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3 && !(await el.isChecked()); attempt++) {
    await el.click();
    await expect.poll(() => el.isChecked(), { timeout: 2_000 }).toBe(true).catch(() => undefined);
  }
  expect(await el.isChecked(), `chose ${await el.getAttribute('id')}`).toBe(true);
}

export interface Filled {
  canaries: string[];
  /** The question each canary was typed into (`key` or `group/item`), by canary. */
  questionOf: Map<string, string>;
  sensitiveChoices: number;
  /** Sensitive free-text questions typed into, as `key` or `group/item`. */
  reached: Set<string>;
}

/**
 * Once nothing on screen is left to answer: a radio with another option that reveals other
 * questions gets that option (the follow-ups of the earlier one become hidden answers), so every
 * follow-up is reached; then the first again. Never the safety gate.
 */
export async function nextRevealingOption(page: Page, list: Control[], reveal: Map<string, Set<number>>, visited: Map<string, number>, gate: string | undefined): Promise<boolean> {
  for (const name of new Set(list.filter((c) => c.type === 'radio' && c.filled && c.name !== `as-${gate}`).map((c) => c.name))) {
    const picks = [...(reveal.get(name.replace(/^as-/, '').split('-').at(-1)!) ?? [])].sort();
    const next = visited.get(name) ?? 1;
    // After the last revealing option, back to the first: later sections may depend on it.
    if (picks.length < 2 || next > picks.length) continue;
    visited.set(name, next + 1);
    const pick = picks[next % picks.length]!;
    await choose(page.locator(`[id="${pick === 0 ? name : `${name}-${pick}`}"]`));
    return true;
  }
  return false;
}

/** `as-group-0-item` → `group/item`; `as-key` → `key`. */
function questionKey(controlId: string): string {
  const parts = controlId.replace(/^as-/, '').split('-');
  return parts.length >= 3 ? `${parts[0]}/${parts[2]}` : parts[0]!;
}

/** Every sensitive free-text question of a form (what the canary must reach), as `key` or `group/item`. */
export function sensitiveTextQuestions(definition: Definition): string[] {
  const free = (q: Record<string, unknown>) => q.type === 'string' && !q.oneOf && !q.enum && !q.format && !q.readOnly;
  const out: string[] = [];
  for (const [key, q] of Object.entries(((definition.schema as { properties?: Props }).properties ?? {}) as Props)) {
    if (free(q) && q['x-sensitivity']) out.push(key);
    const items = (q.items as { properties?: Props } | undefined)?.properties ?? {};
    for (const [item, iq] of Object.entries(items)) if (free(iq) && (q['x-sensitivity'] || iq['x-sensitivity'])) out.push(`${key}/${item}`);
  }
  return out;
}

/**
 * Answers every reachable question of the form: the safety gate yes, a unique canary typed into
 * each sensitive free-text question, ordinary values elsewhere, the first option of each choice
 * (follow-ups revealed by an answer are answered on the next pass), one entry in each group.
 */
export async function completeForm(page: Page, definition: Definition, canaryFor: (n: number) => string): Promise<Filled> {
  const gate = definition.safety?.gate;
  const reveal = revealingOptions(definition);
  const canaries: string[] = [];
  const questionOf = new Map<string, string>();
  const reached = new Set<string>();
  const visited = new Map<string, number>();
  let sensitiveChoices = 0;
  const sectionsSeen = new Set<string>();
  for (let section = 0; section < 40; section++) {
    const heading = await page.locator('#as-section-heading').textContent();
    if (heading === null) break;
    sectionsSeen.add(heading);
    for (let pass = 0; pass < 30; pass++) {
      const { list, addButtons } = await controls(page);
      let acted = false;
      for (const groupId of addButtons) {
        await page.locator(`[id="${groupId}"]`).getByRole('button', { name: /^Add / }).click();
        acted = true;
      }
      const doneGroups = new Set<string>();
      for (const c of list) {
        if (c.filled || doneGroups.has(c.name)) continue;
        const sensitive = sensitivityOf(definition, c.name || c.id);
        const el = page.locator(`[id="${c.id}"]`);
        // An answer chosen earlier in this pass may have hidden it; the next pass sees afresh.
        if (!(await el.isVisible()) || !(await el.isEnabled())) continue;
        if (c.type === 'radio' || c.type === 'checkbox') {
          doneGroups.add(c.name);
          if (sensitive) sensitiveChoices++;
          if (gate && c.name === `as-${gate}`) await choose(page.locator(`input[name="as-${gate}"]`).and(page.getByLabel('Yes', { exact: true })));
          else {
            const key = c.name.replace(/^as-/, '').split('-').at(-1)!;
            const picks = [...(reveal.get(key) ?? [topScored(definition, key)])].sort();
            // A radio takes its revealing options one pass at a time; checkboxes take them all at once.
            for (const i of c.type === 'radio' ? picks.slice(0, 1) : picks) await choose(page.locator(`[id="${i === 0 ? c.name : `${c.name}-${i}`}"]`));
          }
        } else if (c.tag === 'select') {
          if (sensitive) sensitiveChoices++;
          const value = await el.evaluate((s: HTMLSelectElement) => [...s.options].find((o) => o.value !== '')?.value ?? '');
          await el.selectOption(value);
        } else if (/as-date-input__day/.test(c.className)) await el.fill('25');
        else if (/as-date-input__month/.test(c.className)) await el.fill('11');
        else if (/as-date-input__year/.test(c.className)) await el.fill('2026');
        else if (/as-input--time/.test(c.className)) await el.fill('14:30');
        else if (c.inputMode === 'numeric' || c.inputMode === 'decimal') await el.fill(numberFor(definition, c.id));
        else if (sensitive) {
          const canary = canaryFor(canaries.length);
          canaries.push(canary);
          questionOf.set(canary, questionKey(c.id));
          reached.add(questionKey(c.id));
          // Typed key by key, as a practitioner would: every intermediate value passes through the runtime.
          await el.click();
          await page.keyboard.type(canary);
        } else await el.fill('Example answer');
        acted = true;
      }
      if (!acted) acted = await nextRevealingOption(page, list, reveal, visited, gate);
      if (!acted) break;
    }
    const next = page.locator('.as-main form button[type="submit"]');
    const label = (await next.textContent()) ?? '';
    await next.click();
    if (/check your answers/i.test(label)) break;
    await expect.poll(() => page.locator('#as-section-heading').textContent(), { timeout: 10_000 }).not.toBe(heading);
  }
  await page.locator('#check-answers').waitFor({ timeout: 10_000 });
  return { canaries, questionOf, sensitiveChoices, reached };
}

/**
 * A private copy of the built web app (served through the server's APP_DIR), so another engineer's
 * `npm run build` emptying dist/app mid-run cannot turn a page into "not built yet". The copy is
 * taken only when every script and stylesheet the practitioner page names is there.
 */
export async function privateAppCopy(): Promise<string> {
  const page = 'runtime/react/pages/forms/index.html';
  const complete = (root: string) => {
    if (!existsSync(join(root, page))) return false;
    const html = readFileSync(join(root, page), 'utf8');
    return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].every((m) => existsSync(join(root, m[1]!)));
  };
  for (let attempt = 0; attempt < 60; attempt++) {
    if (complete('dist/app')) {
      const dir = mkdtempSync(join(tmpdir(), 'as-app-'));
      cpSync('dist/app', dir, { recursive: true });
      if (complete(dir)) return dir;
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('dist/app has no complete practitioner page: run npm run build');
}

