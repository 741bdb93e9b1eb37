/** Answer keys and export codes made from the label a policy lead types. */
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'is', 'are', 'and', 'or', 'for', 'in', 'on', 'do', 'does', 'you', 'your', 'they', 'their', 'has', 'have', 'it', 'this', 'that', 'with', 'be', 'at', 'by', 'as']);

function words(label: string): string[] {
  const all = label
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = all.filter((w) => !STOP.has(w));
  return (meaningful.length ? meaningful : all).slice(0, 5);
}

/** camelCase key starting with a letter, unique among `taken`. */
export function keyFromLabel(label: string, taken: Iterable<string>, fallback = 'question'): string {
  const w = words(label);
  let base = w.map((x, i) => (i === 0 ? x : x[0]!.toUpperCase() + x.slice(1))).join('');
  if (!/^[a-z]/.test(base)) base = fallback + (base ? base[0]!.toUpperCase() + base.slice(1) : '');
  return unique(base.slice(0, 40), taken);
}

/** snake_case export code matching `^[a-z][a-z0-9_]{1,63}$`, unique among `taken`. */
export function codeFromLabel(label: string, taken: Iterable<string>, fallback = 'question'): string {
  let base = words(label).join('_');
  if (!/^[a-z]/.test(base)) base = base ? `${fallback}_${base}` : fallback;
  if (base.length < 2) base = `${base}_1`;
  return unique(base.slice(0, 56), taken, '_');
}

/** kebab-case form id. */
export function idFromTitle(title: string, taken: Iterable<string>): string {
  let base = words(title).join('-');
  if (!/^[a-z]/.test(base)) base = base ? `form-${base}` : 'new-form';
  return unique(base.slice(0, 60), taken, '-');
}

function unique(base: string, taken: Iterable<string>, sep = ''): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${sep}${n}`;
    if (!set.has(candidate)) return candidate;
  }
}
