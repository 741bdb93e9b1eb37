import { describe, expect, it } from 'vitest';
import { compileValidator, tryCompileValidator, validateResponse, validatorKey, problemsFromAjv } from '../../../runtime/core/index';
import { fixtureDefinition, validAnswers } from './fixture';

const codes = (problems: { code: string; path: string }[]) => problems.map((p) => `${p.code} ${p.path}`).sort();

describe('validateResponse', () => {
  const definition = fixtureDefinition();

  it('accepts a complete, valid response', () => {
    expect(validateResponse(definition, validAnswers)).toEqual([]);
  });

  it('points a missing required answer at its own pointer, with a readable message', () => {
    const { childAge: _, ...answers } = validAnswers;
    const problems = validateResponse(definition, answers);
    expect(codes(problems)).toEqual(['answer-required /childAge']);
    expect(problems[0]!.message).toBe("Enter child's age");
    expect(problems[0]!.source).toBe('validate');
  });

  it('words choices and yes/no questions as choices', () => {
    const { substance: _s, safeToTalk: _t, ...answers } = validAnswers;
    const problems = validateResponse(definition, { ...answers, riskCount: 0 });
    // disclosure sits behind the unanswered safety check: it was never shown, so it is refused too.
    expect(codes(problems)).toEqual(['answer-hidden /disclosure', 'answer-required /safeToTalk', 'answer-required /substance']);
    expect(problems.find((p) => p.path === '/substance')!.message).toBe('Choose main substance');
    expect(problems.find((p) => p.path === '/safeToTalk')!.message).toMatch(/^Choose yes or no for “Is the person alone/);
  });

  it('inside a repeatable group, points at /group/index/key', () => {
    const problems = validateResponse(definition, { ...validAnswers, children: [{ name: 'A', atSchool: true, school: 'X' }, { age: -1, atSchool: true, school: 'Y' }] });
    expect(codes(problems)).toEqual(['answer-range /children/1/age', 'answer-required /children/0/age']);
    expect(problems.find((p) => p.code === 'answer-range')!.message).toBe('Age must be 0 or more');
  });

  it('gives each broken rule its specific code', () => {
    const problems = validateResponse(definition, {
      ...validAnswers,
      childAge: 7.5,
      notes: 'x'.repeat(5001),
      referralDate: '25/11/2026',
      visitTime: '25:00',
      substance: 'tea',
      concerns: ['housing', 'housing'],
      postcode: 'nowhere',
    });
    expect(codes(problems)).toEqual([
      'answer-format /referralDate',
      'answer-format /visitTime',
      'answer-items /concerns',
      'answer-length /notes',
      'answer-option /substance',
      'answer-pattern /postcode',
      'answer-type /childAge',
    ]);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath['/notes']).toBe('Notes must be 5,000 characters or fewer');
    expect(byPath['/referralDate']).toBe('Enter a date in the format 2026-11-25 for date of referral');
    expect(byPath['/childAge']).toBe("Child's age must be a whole number");
  });

  it('accepts HH:MM and HH:MM:SS times, offset optional', () => {
    for (const visitTime of ['09:05', '23:59:59', '10:00Z', '10:00:00+01:00']) {
      expect(validateResponse(definition, { ...validAnswers, visitTime }), visitTime).toEqual([]);
    }
    expect(codes(validateResponse(definition, { ...validAnswers, visitTime: '9:5' }))).toEqual(['answer-format /visitTime']);
  });

  it('requires the sensitive question only when the gate is passed (if/then)', () => {
    const { disclosure: _, ...answers } = validAnswers;
    expect(codes(validateResponse(definition, answers))).toEqual(['answer-required /disclosure']);
    expect(validateResponse(definition, { ...answers, safeToTalk: false, riskCount: 0 })).toEqual([]);
  });

  it('does not require answers to questions hidden by a rule, and requires them when shown', () => {
    expect(validateResponse(definition, validAnswers)).toEqual([]); // drugDetail required but hidden
    expect(codes(validateResponse(definition, { ...validAnswers, usesDrugs: true, riskCount: 2 }))).toEqual(['answer-required /drugDetail']);
  });

  it('applies rules inside a repeatable group item to that item', () => {
    const children = [{ age: 3, atSchool: false }, { age: 9, atSchool: true }];
    expect(codes(validateResponse(definition, { ...validAnswers, children }))).toEqual(['answer-required /children/1/school']);
  });

  it('reports a stored computed value that differs from the answers', () => {
    const problems = validateResponse(definition, { ...validAnswers, riskCount: 2 });
    expect(codes(problems)).toEqual(['answer-computed /riskCount']);
    expect(problems[0]!.params).toMatchObject({ expected: 1, actual: 2 });
  });

  it('checks computed values inside repeatable group items against the item', () => {
    const definition = {
      schema: {
        type: 'object',
        properties: {
          people: {
            type: 'array',
            items: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'integer' }, total: { type: 'integer', readOnly: true, title: 'Total', 'x-computed': { op: 'sum', of: ['a', 'b'] } } } },
          },
        },
      },
      uischema: { type: 'Control', scope: '#/properties/people' },
    };
    const problems = validateResponse(definition, { people: [{ a: 1, b: 2, total: 3 }, { a: 1, total: 5 }] });
    expect(codes(problems)).toEqual(['answer-computed /people/1/total']);
    expect(problems[0]!.message).toBe('Total is worked out from other answers and should be 1');
  });

  it('reports answers to questions the form does not have', () => {
    expect(codes(validateResponse(definition, { ...validAnswers, shoeSize: 9 }))).toEqual(['answer-unknown /shoeSize']);
  });

  it('refuses forbidden keys and over-long answers before AJV', () => {
    const polluted = JSON.parse('{"childAge": 3, "__proto__": {"polluted": true}}');
    expect(codes(validateResponse(definition, polluted))).toEqual(['forbidden-key /__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codes(validateResponse(definition, { ...validAnswers, notes: 'x'.repeat(100_001) }))).toEqual(['answer-too-long /notes']);
    expect(codes(validateResponse(definition, 'not answers'))).toEqual(['answer-invalid ']);
  });

  it('uses a supplied validator instead of compiling', () => {
    let calls = 0;
    const validator = Object.assign((_: unknown) => (calls++, false), { errors: [{ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'childAge' } }] });
    expect(codes(validateResponse(definition, validAnswers, { validator }))).toEqual(['answer-required /childAge']);
    expect(calls).toBe(1);
  });
});

describe('compileValidator', () => {
  it('compiles once per schema content hash', () => {
    const a = fixtureDefinition();
    const b = fixtureDefinition();
    expect(validatorKey(a)).toBe(validatorKey(b));
    expect(compileValidator(a)).toBe(compileValidator(b));
    const c = fixtureDefinition();
    (c.schema.properties.childAge as { maximum: number }).maximum = 18;
    expect(compileValidator(c)).not.toBe(compileValidator(a));
  });

  it('returns problems, not exceptions, for a schema it refuses or cannot compile', () => {
    const hostile = { schema: { type: 'object', properties: { a: { $ref: 'https://evil.example/x.json' } } }, uischema: {} };
    const result = tryCompileValidator(hostile);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['ref-remote']);
    expect(() => compileValidator(hostile)).toThrow(/never fetched/);
    const broken = tryCompileValidator({ schema: { type: 'object', properties: { a: { type: 'no-such-type' } } } });
    expect(broken.ok ? [] : broken.problems.map((p) => p.code)).toEqual(['validator-unsupported']);
  });

  it('problemsFromAjv maps the errors of a validator run elsewhere', () => {
    const definition = fixtureDefinition();
    const validate = compileValidator(definition);
    expect(validate({ ...validAnswers, childAge: 40, drugDetail: 'none' })).toBe(false);
    const problems = problemsFromAjv(validate.errors, definition);
    expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([['answer-range', '/childAge', "Child's age must be 17 or less"]]);
  });
});
