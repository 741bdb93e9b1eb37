import { computeValue as computeFrom } from '../rules/computed';
import type { Question } from '../model/types';

/**
 * Values of `x-computed` questions, from the answers, by the same function the runtime and
 * validation use (rules/computed.ts). Exports write what the answers give, not what a client
 * stored, so a tampered or stale total never leaves. An unknown shape falls back to the stored value.
 */
export function computeValue(question: Question, siblings: readonly Question[], answers: Record<string, unknown>, stored: unknown): unknown {
  return question.computed ? computeFrom(question.computed, answers, siblings) : stored;
}
