/**
 * German syllable count: vowel groups, with the few rules where spelling and speech part ways.
 *
 *   germanSyllables('Autoimmunerkrankung') → 7   (au·to·im·mun·er·kran·kung)
 *   germanSyllables('Patienten')           → 4   (pa·ti·en·ten: this "ie" is two vowels)
 *   germanSyllables('Zell·therapie')       → 4   (zell·the·ra·pie: this "ie" is one)
 *   germanSyllables('CAR-T')               → 2   (a part without vowels is spelled: "T" = te)
 *
 * Why in-house: hyphenation patterns (`hyphen/de`) find hyphenation points, which are not
 * syllables: they keep single letters at word edges (Übelkeit 2, Autoimmunerkrankung 6).
 *
 * Rule: every vowel (a e i o u ä ö ü y, and accented vowels of loanwords) starts a syllable,
 * except that these pairs are one sound: ei ie au eu äu ai ey ay and the long vowels aa ee oo.
 * Before counting, these rules mark a syllable break ("|") between two vowels that would pair:
 *   - "ie" spoken i-e: Patient, Klient, Quotient, effizient (-ient after b p t z l r; "dient" is one);
 *     plurals in -ien(s) (Studien, Therapien, Kriterien, Italien; not "schien", "Wien");
 *     speziell, materiell, partiell (-iell after r z t); and the stems Studie, Familie, Linie,
 *     Serie, Arterie, Materie, Prämie, Bakterie, Kriterium, Medien, Folie, Spezies, Hygiene
 *     (not before "r": studieren, liniert have one long i);
 *   - "eu"/"äu" spoken e-u in -eum/-äum (Museum, Jubiläum);
 *   - "ee" across the prefixes be-/ge- (beenden, geehrt; "geeignet" counts the same either way);
 *   - "u" after "q" and "y" before a vowel at the word start are consonants (Quelle, Yoga).
 * Whole words the rules still get wrong are listed in GERMAN_SYLLABLE_EXCEPTIONS.
 */

/** Words (lower case, letters only) whose count the rules get wrong. */
export const GERMAN_SYLLABLE_EXCEPTIONS: ReadonlyMap<string, number> = new Map([
  ['pfui', 1],
  ['milieu', 2],
  ['milieus', 2],
  ['beere', 2],
  ['beeren', 2],
  ['beet', 1],
  ['beete', 2],
  // French "ou" is one sound, but German compounds put o|u together far more often (Autounfall, Mikroumgebung).
  ['journal', 2],
  ['journale', 3],
  ['journals', 2],
  ['route', 2],
  ['routen', 2],
  ['routine', 3],
  ['tour', 1],
  ['touren', 2],
]);

const VOWELS = new Set('aeiouyäöüáàâéèêëíìîïóòôúùûœæ');
const ONE_SOUND = new Set(['ei', 'ie', 'au', 'eu', 'äu', 'ai', 'ey', 'ay', 'aa', 'ee', 'oo']);

const HIATUS_STEMS = ['stud', 'famil', 'lin', 'ser', 'arter', 'mater', 'präm', 'bakter', 'kriter', 'med', 'fol', 'spez', 'hyg'];

/** Each rule marks a break with "|" between two vowels; compiled once. */
const HIATUS_RULES: readonly [RegExp, string][] = [
  [/qu/g, 'qv'],
  [/^y(?=[aeiouäöü])/, 'j'],
  [/(?<=[bptzlr])i(?=ent)/g, 'i|'],
  [/(?<!sch)(?<!^w)i(?=ens?$)/g, 'i|'],
  [/(?<=[rzt])i(?=ell)/g, 'i|'],
  [new RegExp(`(?<=(?:${HIATUS_STEMS.join('|')}))i(?=e(?!r))`, 'g'), 'i|'],
  [/(?<=[eä])(?=ums?$)/g, '|'],
  [/^(be|ge)(?=e(?:nd|in|hr|ig))/, '$1|'],
];

/** Syllables of one German word; hyphenated parts are counted separately and added up. */
export function germanSyllables(word: string): number {
  const whole = word.toLocaleLowerCase('de').replace(/[^\p{L}]/gu, '');
  const exception = GERMAN_SYLLABLE_EXCEPTIONS.get(whole);
  if (exception !== undefined) return exception;
  let total = 0;
  for (const part of word.replace(/[·\u00AD]/gu, '').split(/[-‐‑]/u)) total += partSyllables(part);
  return Math.max(total, /\p{L}/u.test(word) ? 1 : 0);
}

function partSyllables(part: string): number {
  const letters = part.replace(/[^\p{L}]/gu, '');
  if (!letters) return 0;
  const lower = letters.toLocaleLowerCase('de');
  const exception = GERMAN_SYLLABLE_EXCEPTIONS.get(lower);
  if (exception !== undefined) return exception;
  let marked = lower;
  for (const [pattern, replacement] of HIATUS_RULES) marked = marked.replace(pattern, replacement);
  let count = 0;
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i]!;
    if (!VOWELS.has(c)) continue;
    count++;
    const next = marked[i + 1];
    if (next !== undefined && ONE_SOUND.has(c + next)) i++;
  }
  // A part without vowels is an abbreviation read letter by letter: "T" (te), "CD" (ce-de).
  return count > 0 ? count : letters.length;
}
