import { useRef, useState } from "react";
import { useMutation, type AnyVariables, type TypedDocumentNode } from "urql";
import { newIdempotencyKey } from "./client";
import { describeErrors, errorsByField, type ShownError } from "./errors";

/**
 * What every write form of the console shares: its values; one idempotency key per submission, kept while the same
 * values are retried (a lost answer writes once) and renewed when a value changes or the write succeeds; no second
 * submission while one is in flight; the server's errors, beside the `shown` fields they name, the others general.
 */
export function useWriteForm<V extends object, Data, Variables extends AnyVariables>(initial: V, mutation: TypedDocumentNode<Data, Variables>, shown: readonly string[]) {
  const [values, setValues] = useState(initial);
  const [result, execute] = useMutation(mutation);
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const change = (next: Partial<V>) => {
    key.current = newIdempotencyKey();
    setDone(null);
    // An error goes as its field is edited, not when the field loses focus: gone on blur, it would move the button
    // being clicked from under the pointer.
    const edited = Object.keys(next);
    setErrors((current) => current.filter((e) => !e.field || !edited.some((f) => e.field === f || e.field!.startsWith(`${f}.`))));
    setValues((current) => ({ ...current, ...next }));
  };
  /** Sends `variables(key)`; on success resets the form and returns the data, on failure shows the errors. */
  const submit = async (variables: (idempotencyKey: string) => Variables, success: (data: Data) => string): Promise<Data | null> => {
    if (result.fetching) return null;
    setErrors([]);
    const answer = await execute(variables(key.current));
    if (answer.error) {
      setErrors(describeErrors(answer.error));
      return null;
    }
    setDone(success(answer.data!));
    setValues(initial);
    key.current = newIdempotencyKey();
    return answer.data!;
  };
  const refuse = (field: string, message: string) => setErrors([{ code: "BAD_USER_INPUT", field, message }]);
  return { values, change, submit, refuse, fetching: result.fetching, done, ...errorsByField(errors, shown) };
}
