import {
  internationalFamilyNames,
  internationalGivenNames,
} from './international-names.js';
import { koreanFamilyNames, koreanGivenNames } from './korean-names.js';
import type { Random } from './random.js';

/** A generated person's display name and the local part of their email. */
export interface PersonName {
  name: string;
  emailLocal: string;
}

const familyWeights = koreanFamilyNames.map(
  ([hangul, roman, weight]) => [[hangul, roman], weight] as const,
);

/**
 * Folds a Latin name to the letters an email local part can hold: accents
 * dropped, letters outside a-z (apostrophes, spaces) removed.
 */
export function asciiLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/gi, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** A Korean name written family name first, without a space: 김민준. */
export function koreanName(random: Random): PersonName {
  const [familyHangul, familyRoman] = random.weighted(familyWeights);
  const [givenHangul, givenRoman] = random.pick(koreanGivenNames);
  return {
    name: `${familyHangul}${givenHangul}`,
    emailLocal: `${givenRoman}.${familyRoman}`,
  };
}

/** A name from the international lists, given name first. */
export function internationalName(random: Random): PersonName {
  const given = random.pick(internationalGivenNames);
  const family = random.pick(internationalFamilyNames);
  return {
    name: `${given} ${family}`,
    emailLocal: `${asciiLetters(given)}.${asciiLetters(family)}`,
  };
}

/**
 * Makes an email local part unique within a company by appending the
 * smallest free number, as mail administrators usually do (kim.minjun2).
 */
export function uniqueEmailLocal(local: string, taken: Set<string>): string {
  let candidate = local;
  for (let suffix = 2; taken.has(candidate); suffix += 1) {
    candidate = `${local}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}
