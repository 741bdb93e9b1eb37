import { describe, expect, it } from 'vitest';
import { lint, tryCompileValidator, validateResponse, definitionFromValue } from '../../runtime/core/index';
import { fixtureDefinition } from '../unit/validate/fixture';

/**
 * Found while declaring the keywords strict mode allows (issue 15.5): `$async: true` is an AJV
 * keyword, and makes the compiled validator return a Promise, which reads as "valid". A definition
 * carrying it accepted any answers at all (an empty response passed a form with required questions).
 */
describe('regression: a schema with $async', () => {
  const definition = fixtureDefinition();
  (definition.schema as Record<string, unknown>).$async = true;

  it('is refused at its pointer instead of compiling to a validator that passes everything', () => {
    const compiled = tryCompileValidator(definition);
    expect(compiled.ok ? [] : compiled.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['validator-unsupported /schema/$async']);
    expect(validateResponse(definition, {}).map((p) => p.code)).toEqual(['validator-unsupported']);
  });

  it('is reported by lint before anything is compiled', () => {
    const loaded = definitionFromValue(definition);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(lint(loaded.value).filter((p) => p.path === '/schema/$async').map((p) => p.code)).toEqual(['validator-unsupported']);
  });
});
