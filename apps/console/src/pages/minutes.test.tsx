import { CombinedError } from "@urql/core";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { Provider, type Client } from "urql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fromValue, never } from "wonka";
import { AUTOSAVE_MS, MinutesSection } from "./minutes";

const meeting = (minutes: unknown) => ({ meeting: { id: "m1", startsAt: "2026-11-28T17:00:00Z", council: { id: "c1", meetings: { edges: [] } }, minutes } });

/** A client whose server has no minutes yet for the meeting, then answers the writes with `answers`, in order. */
function client(answers: object[], sent: { name: string; variables: Record<string, any> }[]) {
  return {
    executeQuery: (op: any) => fromValue({ operation: op, data: meeting(null), stale: false, hasNext: false }),
    executeMutation: (op: any) => {
      sent.push({ name: op.query.definitions[0].name.value, variables: op.variables });
      const answer = answers.shift();
      return answer ? fromValue({ operation: op, stale: false, hasNext: false, ...answer }) : never;
    },
  } as unknown as Client;
}

describe("the minutes' editor", () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it("drafts the minutes by itself once typing stops, then revises them with the version it got", async () => {
    const sent: { name: string; variables: Record<string, any> }[] = [];
    render(
      <Provider value={client([{ data: { draftMinutes: { minutes: { id: "x1", version: 1 } } } }, { data: { reviseMinutesDraft: { minutes: { id: "x1", version: 2 } } } }], sent)}>
        <MinutesSection meetingId="m1" />
      </Provider>,
    );
    const editor = screen.getByLabelText(/Texto da ata/);
    fireEvent.change(editor, { target: { value: "Ata." } });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 500));
    expect(sent).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(600));
    expect(sent.map((s) => s.name)).toEqual(["ConsoleDraftMinutes"]);
    expect(screen.getByText(/Rascunho salvo/)).toBeTruthy();
    fireEvent.change(editor, { target: { value: "Ata. Presentes: todos." } });
    expect(screen.getByText("Alterações não salvas")).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 100));
    expect(sent[1]).toMatchObject({ name: "ConsoleReviseMinutes", variables: { input: { minutesId: "x1", expectedVersion: 1, body: "Ata. Presentes: todos." } } });
    expect(sent[1].variables.input.idempotencyKey).not.toBe(sent[0].variables.input.idempotencyKey);
  });

  it("stops saving by itself when someone else changed the minutes, and says to reload", async () => {
    const sent: { name: string; variables: Record<string, any> }[] = [];
    const stale = { error: new CombinedError({ graphQLErrors: [new GraphQLError("stale", { extensions: { code: "CONFLICT" } })] }) };
    render(
      <Provider value={client([{ data: { draftMinutes: { minutes: { id: "x1", version: 1 } } } }, stale], sent)}>
        <MinutesSection meetingId="m1" />
      </Provider>,
    );
    const editor = screen.getByLabelText(/Texto da ata/);
    fireEvent.change(editor, { target: { value: "Ata." } });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 100));
    fireEvent.change(editor, { target: { value: "Ata 2." } });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 100));
    expect(screen.getByRole("alert").textContent).toMatch(/Recarregue/);
    fireEvent.change(editor, { target: { value: "Ata 3." } });
    await act(() => vi.advanceTimersByTimeAsync(3 * AUTOSAVE_MS));
    expect(sent).toHaveLength(2);
  });
});
