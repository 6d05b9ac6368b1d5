import { ageOn, badInput, civilToday, conflict } from "@contagem/schema";
import { createHmac } from "node:crypto";
import { normalizeCpf } from "./cpf";

// Messages never repeat the value given: personal data must not travel back in errors or logs.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
export const MINIMUM_AGE = 16;
export const ADULT_AGE = 18;

/** The neighborhood given, under its name or under its deprecated British spelling (not both); undefined when neither. */
export function givenNeighborhood(input: { neighborhood?: string | null; neighbourhood?: string | null }): string | null | undefined {
  if (input.neighborhood !== undefined && input.neighbourhood !== undefined) {
    throw badInput("neighborhood", 'Give "neighborhood" only: "neighbourhood" is its deprecated name.');
  }
  const value = input.neighborhood !== undefined ? input.neighborhood : input.neighbourhood;
  return value === undefined ? undefined : value?.trim() || null;
}

export function checkName(value: string): string {
  const name = value.trim().replace(/\s+/g, " ");
  if (name.length < 3 || name.length > 200) throw badInput("fullName", '"fullName" must have 3 to 200 characters.');
  return name;
}

export function checkEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email)) throw badInput("email", '"email" is not a valid e-mail address.');
  return email;
}

export function checkPhone(value: string | null | undefined): string | null {
  if (value == null || value.trim() === "") return null;
  const digits = value.replace(/[\s()+-]/g, "");
  if (!/^\d{10,13}$/.test(digits)) throw badInput("phone", '"phone" must have 10 to 13 digits (with area code).');
  return digits;
}

/** The CPF's keyed hash (for uniqueness) and last three digits (for recognition); the number itself is not kept. */
export function checkCpf(value: string | null | undefined, key: string): { hash: string; lastDigits: string } | null {
  if (value == null || value.trim() === "") return null;
  const digits = normalizeCpf(value);
  if (!digits) throw badInput("cpf", '"cpf" is not a valid CPF (check digits do not match).');
  return { hash: createHmac("sha256", key).update(`cpf:${digits}`).digest("hex"), lastDigits: digits.slice(-3) };
}

/** Completed years of age today in Contagem: at 21:30 the evening before a birthday, not yet (already in UTC). */
export const ageToday = (birthDate: string): number => ageOn(birthDate, civilToday());

export function checkBirthDate(value: string): string {
  const age = ageToday(value);
  if (age < MINIMUM_AGE) throw badInput("birthDate", `Participation is open from ${MINIMUM_AGE} years of age.`);
  if (age > 130) throw badInput("birthDate", '"birthDate" is not plausible.');
  return value;
}

export function checkHandle(value: string | null | undefined): string | null {
  if (value == null || value === "") return null;
  if (!/^[a-z0-9_]{3,30}$/.test(value)) throw badInput("handle", '"handle" must be 3 to 30 lower-case letters, digits or _.');
  return value;
}

/** Minors never have a public profile. */
export function checkPublicProfile(profilePublic: boolean, birthDate: string | null | undefined): boolean {
  if (profilePublic && birthDate && ageToday(birthDate) < ADULT_AGE) {
    throw conflict("Participants under 18 cannot have a public profile.");
  }
  return profilePublic;
}
