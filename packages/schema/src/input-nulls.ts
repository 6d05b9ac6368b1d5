import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";

/** Rewrites a field's coerced arguments in place before its resolver reads them. */
export type ArgsNormaliser = (args: Record<string, unknown>) => void;

type Normalise = (value: unknown) => unknown;

/**
 * GraphQL hands a resolver an explicit `null` where the client wrote one, and skips the default then; our resolvers
 * (and type-graphql's conversion to input classes) mean "not given" by a missing value. So an explicit null of a
 * nullable argument, or of a nullable input-object field at any depth, becomes absent (its default when it has
 * one), once, here. A scalar input field set to null keeps its null: an update may mean to clear a value.
 */
export class NullNormalisers {
  private readonly objects = new Map<string, Normalise>();
  /** Input objects with a nullable input-object field somewhere inside: only their values need a walk. */
  private readonly walked: Set<string>;

  constructor(schema: GraphQLSchema) {
    this.walked = inputsHoldingObjectNulls(schema);
  }

  /** Undefined when none of the field's arguments can carry a null to remove (most fields: nothing to wrap). */
  forArguments(args: readonly GraphQLArgument[]): ArgsNormaliser | undefined {
    const plans = args.flatMap((arg) => {
      const nullable = !isNonNullType(arg.type);
      const inner = this.of(arg.type);
      return nullable || inner ? [{ name: arg.name, nullable, defaultValue: arg.defaultValue, inner }] : [];
    });
    if (!plans.length) return undefined;
    return (values) => {
      for (const plan of plans) {
        const value = values[plan.name];
        if (value === undefined) continue;
        if (value === null) {
          if (!plan.nullable) continue;
          if (plan.defaultValue === undefined) delete values[plan.name];
          else values[plan.name] = plan.defaultValue;
        } else if (plan.inner) values[plan.name] = plan.inner(value);
      }
    };
  }

  /** The value with its nulls removed (a copy where anything changed: coerced variables are shared between fields). */
  private of(type: GraphQLInputType): Normalise | undefined {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = this.of(nullable.ofType);
      if (!item) return undefined;
      return (value) => {
        if (!Array.isArray(value)) return item(value);
        let copy: unknown[] | undefined;
        value.forEach((entry, i) => {
          const next = entry == null ? entry : item(entry);
          if (next !== entry) (copy ??= [...value])[i] = next;
        });
        return copy ?? value;
      };
    }
    return isInputObjectType(nullable) && this.walked.has(nullable.name) ? this.object(nullable) : undefined;
  }

  private object(type: GraphQLInputObjectType): Normalise {
    const known = this.objects.get(type.name);
    if (known) return known;
    let fields: { field: GraphQLInputField; dropNull: boolean; inner?: Normalise }[] = [];
    const normalise: Normalise = (value) => {
      const record = value as Record<string, unknown>;
      let copy: Record<string, unknown> | undefined;
      for (const { field, dropNull, inner } of fields) {
        const current = record[field.name];
        if (current === null && dropNull) {
          copy ??= { ...record };
          if (field.defaultValue === undefined) delete copy[field.name];
          else copy[field.name] = field.defaultValue;
        } else if (current != null && inner) {
          const next = inner(current);
          if (next !== current) (copy ??= { ...record })[field.name] = next;
        }
      }
      return copy ?? value;
    };
    // Registered before its fields are compiled: input types may refer to themselves.
    this.objects.set(type.name, normalise);
    fields = Object.values(type.getFields()).flatMap((field) => {
      const dropNull = !isNonNullType(field.type) && isInputObjectType(field.type);
      const inner = this.of(field.type);
      return dropNull || inner ? [{ field, dropNull, inner }] : [];
    });
    return normalise;
  }
}

/** Input object types whose values can hold a null input object at some depth (a fixpoint: types may nest). */
function inputsHoldingObjectNulls(schema: GraphQLSchema): Set<string> {
  const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
  const holding = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of inputs) {
      if (holding.has(type.name)) continue;
      const holds = Object.values(type.getFields()).some((field) => {
        const named = getNamedType(field.type);
        if (!isInputObjectType(named)) return false;
        return (!isNonNullType(field.type) && isInputObjectType(field.type)) || holding.has(named.name);
      });
      if (holds) {
        holding.add(type.name);
        changed = true;
      }
    }
  }
  return holding;
}
