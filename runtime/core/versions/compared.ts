import { canonical } from '../model/json';
import type { PlacedRule, Question, Section } from '../model/types';

/** What versions compare of a question or a section, read from the form model (runtime/core/model). */

/**
 * A question's type as versions compare it, in the words diffs have always used: the shape of its
 * answer. Long text is text in a bigger box (a control option can make it so) and an email
 * address is text with a format (compared as a constraint), so neither is a change of type. A
 * computed value is a kind of its own: nobody answers it.
 */
export function answerKind(q: Pick<Question, 'kind' | 'computed'>): string {
  if (q.computed) return 'computed';
  if (q.kind === 'long-text' || q.kind === 'email') return 'text';
  if (q.kind === 'decimal') return 'number';
  return q.kind;
}

/** The show/hide rule of the control showing a question (canonical JSON), not those of the layouts around it. */
export function controlRule(q: Question): string | undefined {
  return q.control ? ownRule(q.control.rules, q.control.pointer) : undefined;
}

/** A section's own rule (canonical JSON). */
export function sectionRule(s: Section): string | undefined {
  return ownRule(s.rules, s.pointer);
}

/** How a computed value is worked out (canonical JSON), to tell a change. */
export function computedText(q: Question): string | undefined {
  return q.computed ? canonical(q.computed) : undefined;
}

function ownRule(rules: readonly PlacedRule[], pointer: string): string | undefined {
  const placed = rules.find((r) => r.pointer === pointer);
  return placed ? canonical(placed.rule) : undefined;
}
