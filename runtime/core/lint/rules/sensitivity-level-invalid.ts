import { LEVEL_NAME_MAX, LEVEL_NAME_PATTERN } from '../../definition/extension-values';
import { escapePointerToken } from '../../model/pointers';
import { isObject, own } from '../../model/schema-walk';
import { builtInLevels, exportProfiles, levelActions } from '../../model/sensitivity';
import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';

const draftValues = ['keep', 'never'];

/**
 * Levels a form declares in `sensitivityLevels` extend the built-in table and never override it:
 * redefining `safe-address` (or `sensitive`) would let a form quietly export what every reader
 * takes the name to protect. Each entry names known profiles and known actions; what is wrong is
 * applied on the protective side meanwhile (model/sensitivity.ts).
 */
export const sensitivityLevelInvalid: LintRule = {
  codes: ['sensitivity-level-invalid'],
  docs: 'Each entry of sensitivityLevels has a kebab-case name that is not a built-in level, profiles among full, external-agency and masked, each with keep, mask or drop, and drafts keep or never.',
  check({ definition }) {
    const declared = definition.sensitivityLevels;
    if (!isObject(declared)) return [];
    const problems: Problem[] = [];
    for (const name of Object.keys(declared)) {
      const at = `/sensitivityLevels/${escapePointerToken(name)}`;
      if (builtInLevels.has(name)) {
        problems.push(lintProblem('sensitivity-level-invalid', at, `"${name}" is a built-in level: a form may add levels but not redefine one. Give this level a name of its own.`, { level: name, reason: 'built-in' }));
        continue;
      }
      if (name.length > LEVEL_NAME_MAX || !LEVEL_NAME_PATTERN.test(name)) {
        problems.push(lintProblem('sensitivity-level-invalid', at, `The level name "${name}" must be kebab-case (lower-case letters, digits and single hyphens), at most ${LEVEL_NAME_MAX} characters.`, { level: name, reason: 'name' }));
        continue;
      }
      const profiles = own(declared[name], 'profiles');
      for (const profile of isObject(profiles) ? Object.keys(profiles) : []) {
        const where = `${at}/profiles/${escapePointerToken(profile)}`;
        if (!(exportProfiles as readonly string[]).includes(profile)) {
          problems.push(lintProblem('sensitivity-level-invalid', where, `"${profile}" is not an export profile (${exportProfiles.join(', ')}).`, { level: name, reason: 'profile', profile }));
          continue;
        }
        const action = own(profiles, profile);
        if (!(levelActions as readonly unknown[]).includes(action)) {
          problems.push(lintProblem('sensitivity-level-invalid', where, `The action for "${profile}" must be ${levelActions.map((a) => `"${a}"`).join(', ')}; until fixed the answer is dropped.`, { level: name, reason: 'action', profile, action }));
        }
      }
      const drafts = own(declared[name], 'drafts');
      if (drafts !== undefined && !draftValues.includes(drafts as string)) {
        problems.push(lintProblem('sensitivity-level-invalid', `${at}/drafts`, '"drafts" must be "keep" or "never"; until fixed no draft holds the answer.', { level: name, reason: 'drafts', drafts }));
      }
    }
    return problems;
  },
};
