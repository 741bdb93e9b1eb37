import type { ChoiceOption } from './kinds';
import { codeFromLabel } from './names';

/** A line ending in a score: "Daily or almost daily = 4", or a tab then the score (pasted from a spreadsheet). */
const SCORED = /^(.*?)(?:\s*=\s*|\t+)(-?\d+(?:\.\d+)?)\s*$/;

/**
 * Options from a pasted list, one a line (issue 17.5). Blank lines and repeated labels are left
 * out; a label an existing option has keeps that option's code (published codes must not change),
 * others get a code made from the label, unique and valid (`^[a-z][a-z0-9_]{1,63}$`).
 */
export function optionsFromLines(text: string, existing: ChoiceOption[] = []): ChoiceOption[] {
  const out: ChoiceOption[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const scored = SCORED.exec(raw);
    const label = (scored ? scored[1]! : raw).trim().slice(0, 2000);
    const folded = label.toLowerCase();
    if (!label || seen.has(folded)) continue;
    seen.add(folded);
    const kept = existing.find((o) => o.label.trim().toLowerCase() === folded && !out.some((p) => p.code === o.code));
    const code = kept?.code ?? codeFromLabel(label, [...out.map((o) => o.code), ...existing.filter((o) => o.label.trim().toLowerCase() !== folded).map((o) => o.code)], 'option');
    const score = scored ? Number(scored[2]) : kept?.score;
    out.push({ code, label, ...(score !== undefined ? { score } : {}) });
  }
  return out;
}

/** The options as the paste box shows them: one a line, with its score after " = " when it has one. */
export function optionsAsLines(options: ChoiceOption[]): string {
  return options.map((o) => (o.score !== undefined ? `${o.label} = ${o.score}` : o.label)).join('\n');
}
