import type { Definition } from '../definition/envelope';
import { contentHash } from '../definition/hash';
import { escapePointerToken, valueAt } from '../model/pointers';
import type { Problem } from '../problems/problem';
import type { Answers, FormRef, ResponseEnvelope } from '../response/envelope';
import { matchesSchema } from '../rules/condition';
import { hiddenAnswerPointers, isHiddenPointer } from '../rules/visibility';
import { answerIn, formModel } from '../model/build';
import { isObject } from '../model/json';
import type { FormModel, Question, RequiredCondition } from '../model/types';
import { answerKind } from './compared';

/** Why an answer was not carried to the new version. */
export type NotCarriedReason =
  | 'question-removed' // no question with this code in the new version
  | 'type-changed' // the new question's type does not take this answer
  | 'option-removed' // the chosen option is gone
  | 'option-recoded' // the chosen option is now under another code (see `suggestion`)
  | 'moved-out-of-group' // the code now names a question in another place of the response
  | 'unknown-question'; // the old version had no question for this key, and the new one uses the key

export interface NotCarried {
  code: string;
  key: string;
  /** Pointer of the answer in the old response, e.g. `/children/0/name`. */
  path: string;
  value: unknown;
  reason: NotCarriedReason;
  /** For a recoded option: the code the same wording has now. */
  suggestion?: string;
}

export interface NowRequired {
  code: string;
  key: string;
  /** Pointer of the missing answer in the migrated response. */
  path: string;
}

/** @public */
export interface MigrationReport {
  from: FormRef;
  to: FormRef;
  /** Codes of the questions whose answers were carried (group items included). */
  carried: string[];
  /** Pointers of answers to no question of the old version, kept as they were (see `migrateAnswers`). */
  kept: string[];
  notCarried: NotCarried[];
  /** Questions the new version requires (given the answers) that have no answer. */
  nowRequired: NowRequired[];
  /**
   * True when a completed response went back to `in-progress`: the new version requires answers it
   * lacks (those its rules show), so calling it complete would be untrue and `export --validate`
   * would refuse it.
   */
  reopened: boolean;
  /** One `migration-not-carried` / `migration-now-required` warning each, and any mismatch of the response's form. */
  problems: Problem[];
}

export interface MigrateOptions {
  /** The hash of each definition file as written (zod defaults change the object; the file's hash is what is recorded). */
  fromHash?: string;
  toHash?: string;
}

type DefinitionLike = Pick<Definition, 'id' | 'version' | 'schema' | 'uischema'>;

/**
 * Move a response made against `fromDefinition` to `toDefinition`, carrying each answer by its
 * question's export code (`x-code`), into repeatable groups' items too. Nothing is dropped
 * silently: an answer that cannot be carried is listed in `report.notCarried` and kept in the
 * migrated response's `meta.notCarried`. The response's form becomes the new version and
 * `meta.migratedFrom` records the one it came from. Pure: no clock, no I/O. @public
 */
export function migrateResponse(response: ResponseEnvelope, fromDefinition: DefinitionLike, toDefinition: DefinitionLike, options: MigrateOptions = {}): MigrationResult {
  return createMigrator(fromDefinition, toDefinition, options)(response);
}

export interface MigrationResult {
  response: ResponseEnvelope;
  report: MigrationReport;
}

/**
 * `migrateResponse` for many responses between the same two versions: the definitions are read
 * and hashed once (on a form of 5,000 questions that is most of the time of one migration).
 * @public
 */
export function createMigrator(fromDefinition: DefinitionLike, toDefinition: DefinitionLike, options: MigrateOptions = {}): (response: ResponseEnvelope) => MigrationResult {
  const from: FormRef = { id: fromDefinition.id, version: fromDefinition.version, sha256: options.fromHash ?? contentHash(fromDefinition) };
  const to: FormRef = { id: toDefinition.id, version: toDefinition.version, sha256: options.toHash ?? contentHash(toDefinition) };
  const a = formModel(fromDefinition);
  const b = formModel(toDefinition);
  return (response) => migrateWithModels(response, from, to, a, b);
}

function migrateWithModels(response: ResponseEnvelope, from: FormRef, to: FormRef, a: FormModel, b: FormModel): MigrationResult {
  const moved = migrateAnswers(response.answers, a, b);
  const problems: Problem[] = [...formMismatch(response.form, from)];
  for (const n of moved.notCarried) {
    problems.push({
      code: 'migration-not-carried', severity: 'warning', path: n.path, source: 'versions',
      message: `The answer at ${n.path} (${n.code || n.key}) was not carried to ${to.id} ${to.version}: ${reasonText[n.reason]}.`,
      params: { code: n.code, reason: n.reason, ...(n.suggestion ? { suggestion: n.suggestion } : {}) },
    });
  }
  for (const r of moved.nowRequired) {
    problems.push({
      code: 'migration-now-required', severity: 'warning', path: r.path, source: 'versions',
      message: `${to.id} ${to.version} requires an answer at ${r.path} (${r.code}).`, params: { code: r.code },
    });
  }
  const sameForm = response.form.id === to.id && response.form.version === to.version && response.form.sha256 === to.sha256;
  const meta: Record<string, unknown> = { ...(response.meta ?? {}) };
  if (!sameForm) {
    // Migrated more than once: the earlier sources are kept, oldest first.
    if (isObject(meta.migratedFrom)) meta.migrationHistory = [...(Array.isArray(meta.migrationHistory) ? meta.migrationHistory : []), meta.migratedFrom];
    meta.migratedFrom = { ...response.form };
  }
  if (moved.notCarried.length) meta.notCarried = [...(Array.isArray(meta.notCarried) ? meta.notCarried : []), ...moved.notCarried];
  let migrated: ResponseEnvelope = { ...response, form: to, answers: moved.answers, ...(Object.keys(meta).length ? { meta } : {}) };
  const hidden = hiddenAnswerPointers(b, moved.answers);
  const missing = moved.nowRequired.filter((r) => !isHiddenPointer(hidden, r.path));
  const reopened = response.status === 'completed' && missing.length > 0;
  if (reopened) {
    const { completedAt: _completed, ...rest } = migrated;
    migrated = { ...rest, status: 'in-progress' };
    problems.push({
      code: 'migration-reopened', severity: 'warning', path: '/status', source: 'versions',
      message: `The response was completed, but ${to.id} ${to.version} requires ${missing.length} answer${missing.length === 1 ? '' : 's'} it does not have (${missing.map((r) => r.code).join(', ')}): it is in progress again until they are given.`,
      params: { codes: missing.map((r) => r.code) },
    });
  }
  return { response: migrated, report: { from, to, carried: moved.carried, kept: moved.kept, notCarried: moved.notCarried, nowRequired: moved.nowRequired, reopened, problems } };
}

const reasonText: Record<NotCarriedReason, string> = {
  'question-removed': 'the question was removed',
  'type-changed': 'the question changed type and the answer does not fit it',
  'option-removed': 'the chosen option was removed',
  'option-recoded': 'the chosen option now has another code',
  'moved-out-of-group': 'the question moved to another place in the response',
  'unknown-question': 'the earlier version had no such question, and the new version uses its key',
};

function formMismatch(actual: FormRef, expected: FormRef): Problem[] {
  if (actual.id !== expected.id || actual.version !== expected.version) {
    return [{
      code: 'response-form-mismatch', severity: 'error', path: '/form', source: 'versions',
      message: `The response was made against ${actual.id} ${actual.version}, not ${expected.id} ${expected.version}.`,
      params: { actual, expected },
    }];
  }
  if (actual.sha256 !== expected.sha256) {
    return [{
      code: 'response-form-mismatch', severity: 'warning', path: '/form/sha256', source: 'versions',
      message: `The response names ${actual.id} ${actual.version} with another content hash; it may have been made against a draft.`,
      params: { actual: actual.sha256, expected: expected.sha256 },
    }];
  }
  return [];
}

export interface MigratedAnswers {
  answers: Answers;
  carried: string[];
  kept: string[];
  notCarried: NotCarried[];
  nowRequired: NowRequired[];
}

/**
 * The answers part of `migrateResponse`, on the two form models. An answer to no question of the old
 * version is not the migration's to judge (validation reports it): it is kept under its key, unless
 * the new version uses that key for a question, when it is reported as not carried.
 */
export function migrateAnswers(answers: Answers, a: FormModel, b: FormModel): MigratedAnswers {
  const out: Answers = {};
  const carried = new Set<string>();
  const notCarried: NotCarried[] = [];
  const strays: Strays = [];
  for (const key of Object.keys(answers)) {
    const value = answers[key];
    if (value === undefined) continue;
    const path = `/${escapePointerToken(key)}`;
    const fq = a.byKey.get(key);
    if (!fq) { strays.push({ target: out, key, path, value }); continue; }
    const tq = b.byId.get(fq.id);
    if (!tq) { notCarried.push({ code: fq.id, key, path, value, reason: 'question-removed' }); continue; }
    if (tq.group !== undefined || Object.hasOwn(out, tq.key)) { notCarried.push({ code: fq.id, key, path, value, reason: 'moved-out-of-group' }); continue; }
    if (fq.kind === 'group' && tq.kind === 'group' && Array.isArray(value)) {
      const fromItems = new Map((fq.items ?? []).map((q) => [q.key, q]));
      const toItemKeys = new Set((tq.items ?? []).map((q) => q.key));
      // Array.from, not value.map: map consults an answer array's own `constructor` (species) and throws.
      setOwn(out, tq.key, Array.from(value as unknown[], (item, i) => migrateItem(item, `${path}/${i}`, fromItems, tq, b, carried, notCarried, strays, toItemKeys)));
      carried.add(tq.id);
      continue;
    }
    const result = carry(value, fq, tq, path, notCarried);
    if (result !== undefined) { setOwn(out, tq.key, result); carried.add(tq.id); }
  }
  const toTopKeys = new Set(b.byKey.keys());
  const kept: string[] = [];
  for (const s of strays) {
    const taken = s.target === out ? toTopKeys.has(s.key) : s.taken?.has(s.key);
    if (taken || Object.hasOwn(s.target, s.key)) notCarried.push({ code: '', key: s.key, path: s.path, value: s.value, reason: 'unknown-question' });
    else { setOwn(s.target, s.key, s.value); kept.push(s.path); }
  }
  return { answers: out, carried: b.all.map((q) => q.id).filter((id) => carried.has(id)), kept, notCarried, nowRequired: nowRequired(out, b) };
}

/** Answers to no question of the old version, placed after the carried ones so they never take a carried answer's key. */
type Strays = Array<{ target: Record<string, unknown>; key: string; path: string; value: unknown; taken?: Set<string> }>;

function migrateItem(item: unknown, path: string, fromItems: Map<string, Question>, tg: Question, b: FormModel,
  carried: Set<string>, notCarried: NotCarried[], strays: Strays, toItemKeys: Set<string>): unknown {
  if (!isObject(item)) return item; // not an object: kept as it was, for validation to report
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    const value = item[key];
    if (value === undefined) continue;
    const itemPath = `${path}/${escapePointerToken(key)}`;
    const fq = fromItems.get(key);
    if (!fq) { strays.push({ target: out, key, path: itemPath, value, taken: toItemKeys }); continue; }
    const tq = b.byId.get(fq.id);
    if (!tq) { notCarried.push({ code: fq.id, key, path: itemPath, value, reason: 'question-removed' }); continue; }
    if (tq.group !== tg || Object.hasOwn(out, tq.key)) { notCarried.push({ code: fq.id, key, path: itemPath, value, reason: 'moved-out-of-group' }); continue; }
    const result = carry(value, fq, tq, itemPath, notCarried);
    if (result !== undefined) { setOwn(out, tq.key, result); carried.add(tq.id); }
  }
  return out;
}

/**
 * The answer as the new question takes it, or undefined (reported) when it cannot be carried.
 * Migration is not validation: an answer that was already invalid in the old version is carried
 * as it was; only what the change of version breaks is held back.
 */
function carry(value: unknown, fq: Question, tq: Question, path: string, notCarried: NotCarried[]): unknown {
  const report = (reason: NotCarriedReason, v: unknown = value, suggestion?: string) =>
    notCarried.push({ code: fq.id, key: fq.key, path, value: v, reason, ...(suggestion ? { suggestion } : {}) });
  if (value === null) return value;
  if (!sameKind(fq, tq) && !fits(value, tq)) { report('type-changed'); return undefined; }
  if (tq.kind === 'single-choice' && tq.options.length) {
    const lost = lostOption(value, fq, tq);
    if (lost) { report(lost.reason, value, lost.suggestion); return undefined; }
  }
  if (tq.kind === 'multiple-choice' && tq.options.length && Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const [i, v] of value.entries()) {
      const lost = lostOption(v, fq, tq);
      if (lost) notCarried.push({ code: fq.id, key: fq.key, path: `${path}/${i}`, value: v, reason: lost.reason, ...(lost.suggestion ? { suggestion: lost.suggestion } : {}) });
      else kept.push(v);
    }
    return kept;
  }
  return value;
}

/** An option chosen in the old version that the new one no longer offers (by code). */
function lostOption(value: unknown, fq: Question, tq: Question): { reason: NotCarriedReason; suggestion?: string } | undefined {
  if (value !== null && typeof value === 'object') return sameKind(fq, tq) ? undefined : { reason: 'type-changed' };
  const code = String(value);
  if (tq.options.some((o) => o.code === code)) return undefined;
  const old = fq.options.find((o) => o.code === code);
  if (!old) return sameKind(fq, tq) ? undefined : { reason: 'type-changed' };
  const same = tq.options.find((o) => o.label.trim().toLowerCase() === old.label.trim().toLowerCase());
  return same ? { reason: 'option-recoded', suggestion: same.code } : { reason: 'option-removed' };
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function sameKind(a: Question, b: Question): boolean {
  return answerKind(a) === answerKind(b);
}

/** Does a value have the shape the question takes? (Type, options and format; not every constraint.) */
function fits(value: unknown, q: Question): boolean {
  switch (q.kind) {
    case 'text': case 'long-text': case 'email': return typeof value === 'string';
    case 'date': return typeof value === 'string' && datePattern.test(value);
    case 'time': return typeof value === 'string' && timePattern.test(value);
    case 'date-time': return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'integer': return Number.isInteger(value);
    case 'decimal': return typeof value === 'number' && Number.isFinite(value);
    case 'yes-no': return typeof value === 'boolean';
    case 'single-choice': return typeof value !== 'object' && q.options.some((o) => o.code === String(value));
    case 'multiple-choice': return Array.isArray(value) && value.every((v) => typeof v !== 'object' && q.options.some((o) => o.code === String(v)));
    case 'group': return Array.isArray(value) && value.every(isObject);
    case 'list': return Array.isArray(value);
    default: return q.jsonType === undefined || jsonTypeOf(value) === q.jsonType || (q.jsonType === 'number' && typeof value === 'number');
  }
}

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return value === null ? 'null' : typeof value;
}

function nowRequired(answers: Answers, b: FormModel): NowRequired[] {
  const out: NowRequired[] = [];
  const missing = (obj: unknown, q: Question) => { const v = answerIn(obj, q); return v === undefined || v === null; };
  const applies = (q: Question, level: unknown) => q.required === 'always' || q.requiredIf.some((c) => holds(c, level));
  for (const q of b.all) {
    // Nobody answers a computed value: the runtime works it out; an object is answered through its questions.
    if (q.required === 'never' || q.computed || q.kind === 'object') continue;
    const code = q.id;
    const group = q.group;
    if (!group) {
      if (missing(answers, q) && applies(q, answers)) out.push({ code, key: q.key, path: q.answerPath });
      continue;
    }
    const items = answerIn(answers, group);
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (isObject(item) && missing(item, q) && applies(q, item)) out.push({ code, key: q.key, path: q.answerPath.replace('/-/', `/${i}/`) });
    });
  }
  return out;
}

/** Each `if` reads the object it is written in (`at`); one inside an object that is not answered is never evaluated. */
function holds(condition: RequiredCondition, level: unknown): boolean {
  return condition.every((c) => {
    const data = c.at.length ? valueAt(level, c.at) : level;
    return data !== undefined && matchesSchema(c.schema, data) !== c.negate;
  });
}

/** Set a key as an own data property, so a `__proto__` answer key cannot reach the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
