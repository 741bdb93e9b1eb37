import type { ChoiceOption } from './types';

/**
 * Choice inputs are told apart by their option's position, never by its value. An old published
 * form may give two options one code (lint's option-code-duplicate refuses that now); matched by
 * value, both inputs claimed the answer and the browser showed the last one checked, so clicking
 * "Alcohol" showed "Opioids". The answer still holds values (two options of one value necessarily
 * record the same one); which of them shows chosen is the renderer's UI-only memory of the click.
 */

/** The position shown chosen in a single choice: the one last picked while it holds the answer, else the first with the answer's value (-1: none). */
export function chosenPosition(options: readonly ChoiceOption[], value: unknown, picked: number | undefined): number {
  if (picked !== undefined && options[picked] !== undefined && options[picked].value === value) return picked;
  return options.findIndex((o) => o.value === value);
}

/**
 * The positions shown ticked in a multiple choice: for each chosen value, the options of that value
 * the practitioner ticked, or the first option of it when none was (an answer restored from a draft).
 */
export function tickedPositions(options: readonly ChoiceOption[], selected: readonly unknown[], picked: ReadonlySet<number>): Set<number> {
  const ticked = new Set<number>();
  const placed = new Set<unknown>();
  options.forEach((o, i) => {
    if (picked.has(i) && selected.includes(o.value)) {
      ticked.add(i);
      placed.add(o.value);
    }
  });
  options.forEach((o, i) => {
    if (!placed.has(o.value) && selected.includes(o.value)) {
      ticked.add(i);
      placed.add(o.value);
    }
  });
  return ticked;
}

/**
 * Ticking or unticking the option at `at`: the positions ticked then, and the answer they give, each
 * value once in the options' order (so exports do not depend on the order of clicks), or undefined.
 */
export function toggledPositions(options: readonly ChoiceOption[], ticked: ReadonlySet<number>, at: number, on: boolean): { ticked: Set<number>; value: unknown[] | undefined } {
  // GOV.UK's exclusive option: ticking "None of these" clears the others, ticking another clears it.
  const exclusive = options[at]?.exclusive === true;
  const keep = (o: ChoiceOption) => !on || (exclusive ? false : !o.exclusive);
  const next = new Set<number>();
  const value: unknown[] = [];
  options.forEach((o, i) => {
    if (!(i === at ? on : ticked.has(i) && keep(o))) return;
    next.add(i);
    if (!value.includes(o.value)) value.push(o.value);
  });
  return { ticked: next, value: value.length ? value : undefined };
}
