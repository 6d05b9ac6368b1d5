import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInt,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from "graphql";
import { StringLimit } from "./string-limits";

/** Where a value sits inside an argument: `["input", "seats", 1, "segment"]`. */
export type InputPath = (string | number)[];

/** Throws an InputViolation when a string at `path` breaks a rule; returns nothing when the value is fine. */
export type ValueCheck = (value: unknown, path: InputPath) => void;

/** A broken rule, before the caller names it as a client error (it knows which argument or field it checks). */
export class InputViolation {
  constructor(
    readonly path: InputPath,
    readonly problem: string,
  ) {}

  get field(): string {
    return formatPath(this.path);
  }

  get message(): string {
    return `"${this.field}" ${this.problem}`;
  }
}

/** `["input", "seats", 1, "segment"]` → `input.seats[1].segment`. */
export const formatPath = (path: InputPath) =>
  path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");

/**
 * What is wrong with one string, or undefined. NUL cannot travel in PostgreSQL's protocol; a lone surrogate is not
 * text at all (it cannot be encoded as UTF-8); beyond the ceiling, the input is not what the field is for.
 */
export function stringProblem(value: string, limit: number): string | undefined {
  if (value.length > limit) {
    let characters = 0;
    for (const _ of value) characters++;
    if (characters > limit) return `has ${characters} characters; the limit is ${limit}.`;
  }
  if (value.includes("\u0000")) return "contains the NUL character (U+0000), which no text may contain.";
  if (!value.isWellFormed()) return "contains a lone UTF-16 surrogate (U+D800 to U+DFFF without its pair): send well-formed Unicode.";
  return undefined;
}

const NOT_TEXT = new Set<string>([GraphQLInt.name, GraphQLFloat.name, GraphQLBoolean.name]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Builds, once per input type, the function that checks every string inside a value of that type: String and ID,
 * and any custom scalar (its strings, and the keys and values of JSON-like objects, as `_Any` representations are).
 * Types that can hold no string (Int, Float, Boolean, enums) get no check at all.
 */
export class StringChecks {
  private readonly objects = new Map<string, ValueCheck>();

  /** `limits`: declared ceilings by `Input.field`; everything else gets StringLimit.DEFAULT. */
  constructor(private readonly limits: ReadonlyMap<string, number> = new Map()) {}

  of(type: GraphQLInputType, limit: number = StringLimit.DEFAULT): ValueCheck | undefined {
    if (isNonNullType(type)) return this.of(type.ofType, limit);
    if (isListType(type)) {
      const item = this.of(type.ofType, limit);
      if (!item) return undefined;
      return (value, path) => {
        if (!Array.isArray(value)) return item(value, path);
        for (let i = 0; i < value.length; i++) {
          if (value[i] == null) continue;
          path.push(i);
          item(value[i], path);
          path.pop();
        }
      };
    }
    if (isInputObjectType(type)) return this.object(type);
    if (isEnumType(type) || NOT_TEXT.has(type.name)) return undefined;
    return (value, path) => this.leaf(value, path, limit);
  }

  private object(type: GraphQLInputObjectType): ValueCheck {
    const known = this.objects.get(type.name);
    if (known) return known;
    let fields: [string, ValueCheck][] = [];
    const check: ValueCheck = (value, path) => {
      const record = value as Record<string, unknown>;
      for (const [name, field] of fields) {
        const inner = record[name];
        if (inner == null) continue;
        path.push(name);
        field(inner, path);
        path.pop();
      }
    };
    // Registered before its fields are compiled: input types may refer to themselves.
    this.objects.set(type.name, check);
    fields = Object.values(type.getFields()).flatMap((field) => {
      const fieldCheck = this.of(field.type, this.limits.get(`${type.name}.${field.name}`));
      return fieldCheck ? [[field.name, fieldCheck] as [string, ValueCheck]] : [];
    });
    return check;
  }

  private leaf(value: unknown, path: InputPath, limit: number): void {
    if (typeof value === "string") {
      const problem = stringProblem(value, limit);
      if (problem) throw new InputViolation([...path], problem);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        this.leaf(value[i], path, limit);
        path.pop();
      }
    } else if (isPlainObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        path.push(key);
        const problem = stringProblem(key, limit);
        if (problem) throw new InputViolation([...path], `has a key that ${problem}`);
        this.leaf(inner, path, limit);
        path.pop();
      }
    }
  }
}
