import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('key-lookalike', () => {
  it('reports a Cyrillic а in a Latin key, as an error naming it', () => {
    const [problem] = withCode(lintFixture('key-lookalike'), 'key-lookalike');
    expect(problem?.path).toBe('/schema/properties/visitD\u0430te');
    expect(problem?.severity).toBe('error');
    expect(problem?.params?.characters).toEqual(['U+0430']);
    // The look-alike is this rule's, not also key-characters'.
    expect(withCode(lintFixture('key-lookalike'), 'key-characters')).toEqual([]);
  });

  it('reports a Greek omicron in an option value and a Cyrillic es in an enum entry', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.contact.oneOf[0].const = 'ph\u03bfne';
      d.schema.$defs = { level: { type: 'string', enum: ['low', '\u0441ritical'] } };
    });
    expect(pathsOf(problems, 'key-lookalike').sort()).toEqual(['/schema/$defs/level/enum/1', '/schema/properties/contact/oneOf/0/const']);
  });

  it('leaves a name wholly in another script to key-characters (a warning): it mixes nothing', () => {
    const problems = lintChanged((d) => (d.schema.$defs = { ['\u0432\u043e\u0437\u0440\u0430\u0441\u0442']: { type: 'integer' } }));
    expect(withCode(problems, 'key-lookalike')).toEqual([]);
    expect(pathsOf(problems, 'key-characters')).toHaveLength(1);
  });

  it('passes accented Latin option values (Welsh, Polish): one script', () => {
    const problems = lintChanged((d) => (d.schema.$defs = { place: { type: 'string', enum: ['tŷ', 'dŵr', 'źdźbło', 'łóżko'] } }));
    expect(withCode(problems, 'key-lookalike')).toEqual([]);
  });
});
