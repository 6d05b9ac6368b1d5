import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { CombinedError } from "@urql/core";
import { GraphQLError } from "graphql";
import { Provider, type Client } from "urql";
import { describe, expect, it, vi } from "vitest";
import { fromValue, never } from "wonka";
import { ScheduleMeetingForm } from "./schedule-meeting";

/** A client whose server answers each mutation with the next of `answers` (the form is the unit under test). */
function clientAnswering(answers: object[], seen: Record<string, unknown>[] = []) {
  const executeMutation = vi.fn((request: { variables: Record<string, unknown> }) => {
    seen.push(request.variables);
    const answer = answers.shift();
    return answer ? fromValue({ operation: request, stale: false, hasNext: false, ...answer }) : never;
  });
  return { client: { executeMutation } as unknown as Client, executeMutation };
}

function renderForm(client: Client, onScheduled = vi.fn()) {
  render(
    <Provider value={client}>
      <ScheduleMeetingForm councilId="Q291bmNpbDox" drafts={[{ id: "TWludXRlczox", label: "Ata 1/2026" }]} onScheduled={onScheduled} />
    </Provider>,
  );
  return onScheduled;
}

const fill = () => {
  fireEvent.change(screen.getByLabelText(/Data e hora/), { target: { value: "2026-12-10T14:00" } });
  fireEvent.change(screen.getByLabelText("Título do item 1"), { target: { value: "Plano diretor" } });
};

describe("scheduling a meeting", () => {
  it("sends Contagem's wall-clock time as an instant, the agenda in order, and an idempotency key", async () => {
    const seen: Record<string, unknown>[] = [];
    const { client } = clientAnswering([{ data: { scheduleMeeting: { meeting: { id: "m", sequenceLabel: "3ª Ordinária", status: "SCHEDULED", startsAt: "x" } } } }], seen);
    const onScheduled = renderForm(client);
    fill();
    fireEvent.click(screen.getByText("Adicionar item"));
    fireEvent.change(screen.getByLabelText("Título do item 2"), { target: { value: "Informes" } });
    fireEvent.change(screen.getByLabelText("Tipo do item 2"), { target: { value: "APPROVAL_OF_MINUTES" } });
    fireEvent.change(screen.getByLabelText("Ata a aprovar no item 2"), { target: { value: "TWludXRlczox" } });
    fireEvent.click(screen.getByRole("button", { name: "Agendar reunião" }));
    await waitFor(() => expect(onScheduled).toHaveBeenCalledWith("3ª Ordinária"));
    const input = seen[0].input as Record<string, unknown>;
    expect(input.startsAt).toBe("2026-12-10T17:00:00Z");
    expect(input.agenda).toEqual([
      { kind: "DELIBERATION", title: "Plano diretor" },
      { kind: "APPROVAL_OF_MINUTES", title: "Informes", minutesId: "TWludXRlczox" },
    ]);
    expect(input.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByRole("status").textContent).toMatch(/3ª Ordinária agendada/);
  });

  it("shows the server's validation message beside the field it names", async () => {
    const { client } = clientAnswering([{ error: combined("Local: at most 500 characters.", { code: "BAD_USER_INPUT", field: "input.place" }) }]);
    renderForm(client);
    fill();
    fireEvent.change(screen.getByLabelText("Local"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Agendar reunião" }));
    const place = screen.getByLabelText("Local");
    await waitFor(() => expect(place.getAttribute("aria-invalid")).toBe("true"));
    const described = place.getAttribute("aria-describedby") ?? "";
    expect(described.split(" ").map((id) => document.getElementById(id)?.textContent).join(" ")).toMatch(/at most 500 characters/);
    // Gone as soon as the field is edited (not on blur, which would move the next button from under the pointer).
    fireEvent.change(place, { target: { value: "Casa dos Conselhos" } });
    await waitFor(() => expect(place.getAttribute("aria-invalid")).toBeNull());
  });

  it("says in Portuguese that someone else's council is not theirs", async () => {
    const { client } = clientAnswering([{ error: combined("Not your council", { code: "FORBIDDEN", requestId: "r1" }) }]);
    renderForm(client);
    fill();
    fireEvent.click(screen.getByRole("button", { name: "Agendar reunião" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/outro conselho/));
  });

  it("asks for the date before sending anything, and cannot be sent twice while the first is in flight", async () => {
    const { client, executeMutation } = clientAnswering([]);
    renderForm(client);
    fireEvent.click(screen.getByRole("button", { name: "Agendar reunião" }));
    expect(executeMutation).not.toHaveBeenCalled();
    fill();
    fireEvent.click(screen.getByRole("button", { name: "Agendar reunião" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Agendando…" })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Agendando…" }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
  });

  it("keeps the idempotency key for a retry of the same form, and renews it when the form changes", async () => {
    const seen: Record<string, unknown>[] = [];
    const network = { error: new CombinedError({ networkError: new Error("offline") }) };
    const { client } = clientAnswering([network, network, network], seen);
    renderForm(client);
    fill();
    const send = async (n: number) => {
      fireEvent.click(screen.getByRole("button", { name: "Agendar reunião" }));
      await waitFor(() => expect(seen).toHaveLength(n));
      await waitFor(() => expect(screen.getByRole("button", { name: "Agendar reunião" })).toBeTruthy());
    };
    await send(1);
    await send(2);
    fireEvent.change(screen.getByLabelText("Local"), { target: { value: "Casa dos Conselhos" } });
    await send(3);
    const keys = seen.map((v) => (v.input as { idempotencyKey: string }).idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });
});

const combined = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
