/** The forms a known name takes in a turn, and a match that forgives one misheard letter. Pure. */
import { type MatchLanguage, normalizeText } from '../text-match';

/** Normalised, space-free forms of names; a person's given name alone too (서연, ana). */
export function nameForms(names: string[], language: MatchLanguage, person: boolean): string[] {
  const forms = new Set<string>();
  for (const name of names) {
    const norm = normalizeText(name, language);
    const whole = norm.replace(/[^\p{L}\p{N}]+/gu, '');
    if (whole.length >= 2) forms.add(whole);
    if (!person) continue;
    if (language === 'ko' && /^[가-힣]{3,4}$/.test(whole)) forms.add(whole.slice(1));
    const words = norm.split(/[^\p{L}\p{N}']+/u).filter((w) => w.length >= 3);
    if (language === 'en' && words.length > 1) forms.add(words[0]);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Whether some substring of `text` differs from `name` in at most one letter. */
export function nearlyIncludes(text: string, name: string): boolean {
  const n = name.length;
  for (let at = 0; at + n <= text.length; at++) {
    let diff = 0;
    for (let k = 0; k < n && diff <= 1; k++) if (text[at + k] !== name[k]) diff++;
    if (diff <= 1) return true;
  }
  return false;
}
