import type { Question } from '../../core/index';

/** Plural nouns the shipped forms use for their groups, and a few more that do not end in -s. */
const IRREGULAR: Record<string, string> = {
  children: 'child',
  people: 'person',
  women: 'woman',
  men: 'man',
  adults: 'adult',
};

/** A repeatable group as the form model has it: its title, and its item schema (behind any `$ref`). */
export type GroupTitles = Pick<Question, 'title' | 'itemSchema'>;

const QUESTION = /\?\s*$|^(what|when|where|which|who|whose|why|how|is|are|was|were|do|does|did|has|have|had)\b/i;

/**
 * What one item of a repeatable group is called ("Child", as in "Child 2" and "Add another
 * child"): the items' own `title` when the definition gives one; otherwise the group's title made
 * singular ("Children" → "Child", "Agencies" → "Agency"), or, for a group asked as a question
 * ("Which child or children is the disclosure about?"), the plural noun it names. "Item" when
 * nothing fits: never "Entry", which says nothing about what is being added.
 */
export function groupItemNoun(group: GroupTitles): string {
  const itemTitle = group.itemSchema?.schema.title;
  if (typeof itemTitle === 'string' && itemTitle.trim()) return itemTitle.trim();
  const title = group.title?.trim() ?? '';
  if (!title) return 'Item';
  const words = title.replace(/[?.:]+$/, '').split(/\s+/);
  if (QUESTION.test(title)) {
    const named = words.map((w) => IRREGULAR[w.toLowerCase()]).find(Boolean);
    return named ? upperFirst(named) : 'Item';
  }
  const last = words.length - 1;
  words[last] = singular(words[last]!);
  return upperFirst(words.join(' '));
}

function singular(word: string): string {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower]!;
  if (/[^aeiou]ies$/.test(lower)) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(lower)) return word;
  if (/(ches|shes|sses|xes)$/.test(lower)) return word.slice(0, -2);
  if (/s$/.test(lower)) return word.slice(0, -1);
  return word;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Child 2": how an item is named on screen, in messages and in check your answers (from 1). */
export function groupItemLabel(group: GroupTitles, index: number): string {
  return `${groupItemNoun(group)} ${index + 1}`;
}
