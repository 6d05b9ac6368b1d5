import type { ShownError } from "./errors";

/** A form's general errors (those about no field) and its success message, announced to screen readers. */
export function FormMessages({ general, done }: { general: ShownError[]; done: string | null }) {
  return (
    <>
      {general.map((error, i) => (
        <p key={i} role="alert" className="error">
          {error.message}
          {error.requestId ? ` (código da solicitação: ${error.requestId})` : ""}
        </p>
      ))}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </>
  );
}
