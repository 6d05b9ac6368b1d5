import { badInput, slugify } from "@contagem/schema";
import type { CouncilRulesInput } from "./council.inputs";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const POLICY_AREA = /^[A-Z][A-Z0-9_]{1,63}$/;

export function checkName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (trimmed.length < 3 || trimmed.length > 300) throw badInput(field, `"${field}" must have 3 to 300 characters.`);
  return trimmed;
}

export function checkSlug(slug: string | undefined, acronym: string | null | undefined, name: string): string {
  const value = slug ?? slugify(acronym || name);
  if (!SLUG.test(value) || value.length > 80) {
    throw badInput("slug", '"slug" must be lower-case letters and digits separated by single hyphens (max 80).');
  }
  return value;
}

export function checkAcronym(acronym: string | null | undefined): string | null {
  if (acronym == null) return null;
  const value = acronym.trim();
  if (!/^[\p{L}\p{N}-]{2,32}$/u.test(value)) throw badInput("acronym", '"acronym" must be 2 to 32 letters or digits.');
  return value;
}

export function checkPolicyArea(area: string | null | undefined): string | null {
  if (area == null) return null;
  if (!POLICY_AREA.test(area)) throw badInput("policyArea", '"policyArea" must be an upper-case code such as HEALTH.');
  return area;
}

const RULE_LIMITS: Record<string, [number, number]> = {
  ordinaryMeetingsPerYear: [0, 366],
  ordinaryNoticeDays: [0, 365],
  extraordinaryNoticeHours: [0, 8760],
  termLengthYears: [1, 10],
  maxReappointments: [0, 10],
};

export function checkRules(rules: CouncilRulesInput): CouncilRulesInput {
  for (const [key, [min, max]] of Object.entries(RULE_LIMITS)) {
    const value = rules[key as keyof CouncilRulesInput];
    if (typeof value === "number" && (value < min || value > max)) {
      throw badInput(`rules.${key}`, `"rules.${key}" must be between ${min} and ${max}; got ${value}.`);
    }
  }
  return rules;
}
