import type { ComputedSpec } from './questions';

/**
 * Values of `x-computed` questions, from the answers (docs/definition-format.md). Exports write
 * what the answers give, not what a client stored, so a tampered or stale total never leaves.
 * An unknown shape falls back to the stored value.
 */
export function computeValue(spec: ComputedSpec | undefined, answers: Record<string, unknown>, stored: unknown): unknown {
  if (!spec) return stored;
  const read = (k: string): unknown => (Object.hasOwn(answers, k) ? answers[k] : undefined);
  if (spec.op === 'count') return spec.of.filter((k) => read(k) === spec.equals).length;
  let sum = 0;
  for (const k of spec.of) {
    const v = read(k);
    if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  }
  return sum;
}
