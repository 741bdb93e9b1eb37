import { computeValue as computeFrom } from '../rules/computed';
import type { ComputedSpec } from '../rules/computed';

/**
 * Values of `x-computed` questions, from the answers, by the same function the runtime and
 * validation use (rules/computed.ts). Exports write what the answers give, not what a client
 * stored, so a tampered or stale total never leaves. An unknown shape falls back to the stored value.
 */
export function computeValue(spec: ComputedSpec | undefined, answers: Record<string, unknown>, stored: unknown): unknown {
  return spec ? computeFrom(spec, answers) : stored;
}
