/**
 * Mixed-script look-alikes (Unicode UTS #39, "mixed-script confusables"): a word that mixes Latin
 * letters with letters of another script drawn like Latin ones (`visitDаte` with a Cyrillic а), which
 * reads as one word and is another.
 *
 * Why a compact table is enough. UTS #39's confusables.txt maps some 6,000 characters to prototypes;
 * what matters here is only the part that can pass for a Latin letter inside a Latin word in an
 * English or Welsh form: the Cyrillic, Greek, Armenian and Cherokee letters whose glyphs are the Latin
 * a–z / A–Z ones in common fonts (the Latin letter they pass for in the second column), chosen after
 * confusables.txt's entries for those scripts rather than copied from it: extend the list when a
 * real spoof shows a letter missing.
 * Everything else is caught elsewhere or cannot pass unseen: keys are held to ASCII by
 * `key-characters`, so any other non-ASCII letter in a key is reported anyway; invisible characters
 * are `key-invisible` / `text-invisible`; fullwidth and mathematical Latin letters are Latin script
 * and look visibly different. A word is flagged only when it mixes, so whole words in Russian, Greek
 * or Armenian (a translation) pass, and so does every Latin-script word with accents (Welsh ŵ ŷ,
 * Polish ą ł ż): they are one script.
 */
const LOOKALIKES: ReadonlyArray<readonly [number, string, string]> = [
  [0x0391, 'A', 'GREEK CAPITAL LETTER ALPHA'],
  [0x0392, 'B', 'GREEK CAPITAL LETTER BETA'],
  [0x0395, 'E', 'GREEK CAPITAL LETTER EPSILON'],
  [0x0396, 'Z', 'GREEK CAPITAL LETTER ZETA'],
  [0x0397, 'H', 'GREEK CAPITAL LETTER ETA'],
  [0x0399, 'I', 'GREEK CAPITAL LETTER IOTA'],
  [0x039a, 'K', 'GREEK CAPITAL LETTER KAPPA'],
  [0x039c, 'M', 'GREEK CAPITAL LETTER MU'],
  [0x039d, 'N', 'GREEK CAPITAL LETTER NU'],
  [0x039f, 'O', 'GREEK CAPITAL LETTER OMICRON'],
  [0x03a1, 'P', 'GREEK CAPITAL LETTER RHO'],
  [0x03a4, 'T', 'GREEK CAPITAL LETTER TAU'],
  [0x03a5, 'Y', 'GREEK CAPITAL LETTER UPSILON'],
  [0x03a7, 'X', 'GREEK CAPITAL LETTER CHI'],
  [0x03b1, 'a', 'GREEK SMALL LETTER ALPHA'],
  [0x03b9, 'i', 'GREEK SMALL LETTER IOTA'],
  [0x03bd, 'v', 'GREEK SMALL LETTER NU'],
  [0x03bf, 'o', 'GREEK SMALL LETTER OMICRON'],
  [0x03c1, 'p', 'GREEK SMALL LETTER RHO'],
  [0x03c5, 'u', 'GREEK SMALL LETTER UPSILON'],
  [0x03f2, 'c', 'GREEK LUNATE SIGMA SYMBOL'],
  [0x03f3, 'j', 'GREEK LETTER YOT'],
  [0x0405, 'S', 'CYRILLIC CAPITAL LETTER DZE'],
  [0x0406, 'I', 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I'],
  [0x0408, 'J', 'CYRILLIC CAPITAL LETTER JE'],
  [0x0410, 'A', 'CYRILLIC CAPITAL LETTER A'],
  [0x0412, 'B', 'CYRILLIC CAPITAL LETTER VE'],
  [0x0415, 'E', 'CYRILLIC CAPITAL LETTER IE'],
  [0x041a, 'K', 'CYRILLIC CAPITAL LETTER KA'],
  [0x041c, 'M', 'CYRILLIC CAPITAL LETTER EM'],
  [0x041d, 'H', 'CYRILLIC CAPITAL LETTER EN'],
  [0x041e, 'O', 'CYRILLIC CAPITAL LETTER O'],
  [0x0420, 'P', 'CYRILLIC CAPITAL LETTER ER'],
  [0x0421, 'C', 'CYRILLIC CAPITAL LETTER ES'],
  [0x0422, 'T', 'CYRILLIC CAPITAL LETTER TE'],
  [0x0425, 'X', 'CYRILLIC CAPITAL LETTER HA'],
  [0x0430, 'a', 'CYRILLIC SMALL LETTER A'],
  [0x0435, 'e', 'CYRILLIC SMALL LETTER IE'],
  [0x043e, 'o', 'CYRILLIC SMALL LETTER O'],
  [0x0440, 'p', 'CYRILLIC SMALL LETTER ER'],
  [0x0441, 'c', 'CYRILLIC SMALL LETTER ES'],
  [0x0443, 'y', 'CYRILLIC SMALL LETTER U'],
  [0x0445, 'x', 'CYRILLIC SMALL LETTER HA'],
  [0x0455, 's', 'CYRILLIC SMALL LETTER DZE'],
  [0x0456, 'i', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'],
  [0x0458, 'j', 'CYRILLIC SMALL LETTER JE'],
  [0x04ae, 'Y', 'CYRILLIC CAPITAL LETTER STRAIGHT U'],
  [0x04bb, 'h', 'CYRILLIC SMALL LETTER SHHA'],
  [0x04c0, 'I', 'CYRILLIC LETTER PALOCHKA'],
  [0x04cf, 'l', 'CYRILLIC SMALL LETTER PALOCHKA'],
  [0x0501, 'd', 'CYRILLIC SMALL LETTER KOMI DE'],
  [0x051a, 'Q', 'CYRILLIC CAPITAL LETTER QA'],
  [0x051b, 'q', 'CYRILLIC SMALL LETTER QA'],
  [0x051c, 'W', 'CYRILLIC CAPITAL LETTER WE'],
  [0x051d, 'w', 'CYRILLIC SMALL LETTER WE'],
  [0x0570, 'h', 'ARMENIAN SMALL LETTER HO'],
  [0x0578, 'n', 'ARMENIAN SMALL LETTER VO'],
  [0x057d, 'u', 'ARMENIAN SMALL LETTER SEH'],
  [0x0581, 'g', 'ARMENIAN SMALL LETTER CO'],
  [0x0585, 'o', 'ARMENIAN SMALL LETTER OH'],
  [0x13a0, 'D', 'CHEROKEE LETTER A'],
  [0x13a1, 'R', 'CHEROKEE LETTER E'],
  [0x13a2, 'T', 'CHEROKEE LETTER I'],
  [0x13a5, 'i', 'CHEROKEE LETTER V'],
  [0x13aa, 'A', 'CHEROKEE LETTER GO'],
  [0x13ac, 'E', 'CHEROKEE LETTER GV'],
  [0x13b7, 'M', 'CHEROKEE LETTER LU'],
  [0x13bb, 'H', 'CHEROKEE LETTER MI'],
  [0x13c3, 'Z', 'CHEROKEE LETTER NO'],
  [0x13d2, 'R', 'CHEROKEE LETTER SV'],
  [0x13d4, 'W', 'CHEROKEE LETTER TA'],
  [0x13da, 'S', 'CHEROKEE LETTER DU'],
  [0x13df, 'C', 'CHEROKEE LETTER TLI'],
  [0x13e6, 'K', 'CHEROKEE LETTER TSO'],
  [0x13f4, 'B', 'CHEROKEE LETTER YV'],
];

const table = new Map<number, { latin: string; name: string }>(LOOKALIKES.map(([cp, latin, name]) => [cp, { latin, name }]));

/** The name of a look-alike letter of the table (for messages). */
export function lookalikeName(cp: number): string | undefined {
  return table.get(cp)?.name;
}

export interface LookalikeWord {
  word: string;
  /** The look-alike letters in it, each once. */
  lookalikes: Array<{ cp: number; latin: string; name: string }>;
}

/** Any letter of the table: one test passes text without look-alikes (nearly all) before any word is read. */
const ANY_LOOKALIKE = new RegExp(`[${LOOKALIKES.map(([cp]) => String.fromCodePoint(cp)).join('')}]`, 'u');
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const LATIN = /\p{Script=Latin}/u;

/** Each word of `text` that mixes Latin letters with look-alikes of another script. */
export function mixedScriptWords(text: string): LookalikeWord[] {
  if (!ANY_LOOKALIKE.test(text)) return [];
  const out: LookalikeWord[] = [];
  for (const [word] of text.matchAll(WORD)) {
    let latin = false;
    const lookalikes: LookalikeWord['lookalikes'] = [];
    for (const ch of word) {
      const cp = ch.codePointAt(0)!;
      const entry = table.get(cp);
      if (entry) {
        if (!lookalikes.some((l) => l.cp === cp)) lookalikes.push({ cp, ...entry });
      } else if (LATIN.test(ch)) latin = true;
    }
    if (latin && lookalikes.length) out.push({ word, lookalikes });
  }
  return out;
}
