import type { Definition } from '../../runtime/core/index';

/**
 * A generated assessment definition with the shared bench's mix (../shared/bench/scripts/gen-workload.mjs):
 * each block of 10 questions has 4 radios, 2 checkbox groups, 2 short texts, 1 long text and 1 date or
 * integer; sections of 25 questions as Groups; about 30% required (a required multi-choice also has
 * minItems 1). Deterministic, so the headless benches and the CI guard see the same form every run.
 * Unlike the bench's own JSON it is a full definition envelope with an export code per question.
 */
export interface WorkloadOptions {
  /** Categorization (one section shown at a time, as the shipped forms do) instead of Groups. */
  categorized?: boolean;
}

const SCALES = [
  ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'],
  ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'],
  ['Yes', 'No', 'Not sure', 'Prefer not to say'],
  ['None', 'Mild', 'Moderate', 'Severe'],
];
const MULTI = [
  ['Alcohol', 'Cannabis', 'Cocaine', 'Heroin', 'Benzodiazepines', 'Other'],
  ['Police', 'GP', 'Social worker', 'Housing officer', 'Family member', 'Friend'],
  ['Physical', 'Emotional', 'Financial', 'Sexual', 'Coercive control'],
];
const KINDS = ['radio', 'radio', 'radio', 'radio', 'checkbox', 'checkbox', 'text', 'text', 'textarea', 'date'] as const;
type Kind = (typeof KINDS)[number] | 'integer';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WorkloadQuestion {
  key: string;
  kind: Kind;
  required: boolean;
}

export function workloadQuestions(n: number, seed = 20240501): WorkloadQuestion[] {
  const rnd = prng(seed + n);
  const out: WorkloadQuestion[] = [];
  for (let start = 0; start < n; start += 10) {
    const block: Kind[] = [...KINDS];
    if ((start / 10) % 2 === 1) block[9] = 'integer';
    for (let i = block.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    for (let k = 0; k < 10 && start + k < n; k++) {
      out.push({ key: `q${String(start + k + 1).padStart(4, '0')}`, kind: block[k]!, required: rnd() < 0.3 });
    }
  }
  return out;
}

function questionSchema(q: WorkloadQuestion, i: number): Record<string, unknown> {
  const title = `Q${i + 1}. Question ${i + 1} of the generated assessment`;
  const base = { title, 'x-code': q.key };
  switch (q.kind) {
    case 'radio': {
      const opts = SCALES[i % SCALES.length]!;
      return { ...base, type: 'string', oneOf: opts.map((o) => ({ const: o.toLowerCase().replace(/ /g, '-'), title: o })) };
    }
    case 'checkbox': {
      const opts = MULTI[i % MULTI.length]!;
      const s: Record<string, unknown> = { ...base, type: 'array', uniqueItems: true, items: { type: 'string', oneOf: opts.map((o) => ({ const: o.toLowerCase().replace(/ /g, '-'), title: o })) } };
      if (q.required) s.minItems = 1;
      return s;
    }
    case 'text':
      return { ...base, type: 'string', maxLength: 200 };
    case 'textarea':
      return { ...base, type: 'string', maxLength: 4000 };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'integer':
      return { ...base, type: 'integer', minimum: 0, maximum: 120 };
  }
}

export function workloadDefinition(n: number, options: WorkloadOptions = {}): Definition {
  const questions = workloadQuestions(n);
  const properties: Record<string, unknown> = {};
  questions.forEach((q, i) => (properties[q.key] = questionSchema(q, i)));
  const sections: Array<Record<string, unknown>> = [];
  for (let s = 0; s * 25 < n; s++) {
    const elements = questions.slice(s * 25, s * 25 + 25).map((q) => {
      const c: Record<string, unknown> = { type: 'Control', scope: `#/properties/${q.key}` };
      if (q.kind === 'textarea') c.options = { multi: true };
      return c;
    });
    sections.push({ type: options.categorized ? 'Category' : 'Group', label: `Section ${s + 1}`, elements });
  }
  return {
    id: 'bench-workload',
    version: '1.0.0',
    status: 'published',
    title: `Generated assessment, ${n} questions`,
    source: { document: 'test/bench/workload.ts' },
    changelog: [],
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties,
      required: questions.filter((q) => q.required).map((q) => q.key),
    },
    uischema: { type: options.categorized ? 'Categorization' : 'VerticalLayout', elements: sections },
  };
}

/** Answers for a workload: every question answered validly, or every odd one broken (wrong type or option). */
export function workloadAnswers(n: number, mode: 'valid' | 'invalid' = 'valid'): Record<string, unknown> {
  const def = workloadDefinition(n);
  const props = (def.schema as { properties: Record<string, Record<string, unknown>> }).properties;
  const answers: Record<string, unknown> = {};
  workloadQuestions(n).forEach((q, i) => {
    const bad = mode === 'invalid' && i % 2 === 1;
    const s = props[q.key]!;
    switch (q.kind) {
      case 'radio':
        answers[q.key] = bad ? 'not-an-option' : (s.oneOf as Array<{ const: string }>)[0]!.const;
        break;
      case 'checkbox':
        answers[q.key] = bad ? ['not-an-option'] : [((s.items as { oneOf: Array<{ const: string }> }).oneOf)[1]!.const];
        break;
      case 'text':
      case 'textarea':
        answers[q.key] = bad ? 42 : `Answer ${i}`;
        break;
      case 'date':
        answers[q.key] = bad ? '2026-13-45' : '2026-03-27';
        break;
      case 'integer':
        answers[q.key] = bad ? 500 : 7;
        break;
    }
  });
  return answers;
}
