import { describe, expect, it } from 'vitest';
import { editorColours, type EditorColours } from '../../../builder/app/monaco/themeColours';

/**
 * Compare (the diff editor) shows JSON on a changed line's background, and changed characters on a
 * second layer over it. With Monaco's own colours, keys and numbers fell under WCAG AA's 4.5:1 there
 * (axe color-contrast on `.char-delete`, depending on what was in view). Every text colour of our
 * themes is held to 4.5:1 on every background it can sit on, worked out as the browser blends them.
 */
type Rgba = { r: number; g: number; b: number; a: number };
const parse = (hex: string): Rgba => {
  const h = hex.slice(1);
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: h.length > 6 ? n(6) / 255 : 1 };
};
const over = (top: Rgba, under: Rgba): Rgba => ({
  r: top.r * top.a + under.r * (1 - top.a),
  g: top.g * top.a + under.g * (1 - top.a),
  b: top.b * top.a + under.b * (1 - top.a),
  a: 1,
});
const luminance = (c: Rgba) => {
  const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
};
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

function backgrounds(c: EditorColours): Record<string, Rgba> {
  const base = parse(c.background);
  const removedLine = over(parse(c.diff['diffEditor.removedLineBackground']), base);
  const insertedLine = over(parse(c.diff['diffEditor.insertedLineBackground']), base);
  return {
    plain: base,
    'removed line': removedLine,
    'removed text': over(parse(c.diff['diffEditor.removedTextBackground']), removedLine),
    'inserted line': insertedLine,
    'inserted text': over(parse(c.diff['diffEditor.insertedTextBackground']), insertedLine),
  };
}

describe.each(Object.entries(editorColours))('the %s editor theme', (_, colours) => {
  it('reads every token colour at 4.5:1 or more on plain, changed-line and changed-text backgrounds', () => {
    const under: string[] = [];
    for (const [where, back] of Object.entries(backgrounds(colours))) {
      for (const [token, colour] of Object.entries({ text: colours.foreground, ...colours.tokens })) {
        const ratio = contrast(parse(colour), back);
        if (ratio < 4.5) under.push(`${token} ${colour} on ${where}: ${ratio.toFixed(2)}`);
      }
      if (!where.endsWith('text') && contrast(parse(colours.lineNumber), back) < 4.5) under.push(`line numbers on ${where}`);
    }
    expect(under).toEqual([]);
  });

  it('still shows a change: a changed line and its changed text differ from the plain background', () => {
    const b = backgrounds(colours);
    for (const where of ['removed line', 'removed text', 'inserted line', 'inserted text']) expect(contrast(b[where]!, b.plain!)).toBeGreaterThan(1.05);
  });
});

it('Monaco’s own diff colours (red at 20%, twice over) put its light key colour under 4.5:1: the case this guards', () => {
  const white = parse('#ffffff');
  const changed = over(parse('#ff000033'), over(parse('#ff000033'), white));
  expect(contrast(parse('#a31515'), changed)).toBeLessThan(4.5);
});
