import { connect, createServer, type Socket } from "node:net";

/**
 * A TCP relay in front of a server (the database, Redis), for tests of outages: `cut()` drops every connection and
 * refuses new ones, as a crashed or unreachable server would; `stall()` keeps every connection open, and accepts new
 * ones, but relays nothing until `restore()`, as a frozen server or a network that drops packets would (nothing
 * tells the client it is gone); `restore()` lets everything through again (what a stall held back, in order).
 */
export interface TcpProxy {
  port: number;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let open = true;
  let stalled = false;
  const relay = ([client, upstream]: [Socket, Socket]) => client.pipe(upstream).pipe(client);
  const hold = ([client, upstream]: [Socket, Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect(port, host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    for (const socket of pair) {
      sockets.add(socket);
      socket.on("error", () => pair.forEach((s) => s.destroy()));
      socket.on("close", () => {
        pair.forEach((s) => s.destroy());
        sockets.delete(socket);
        pairs.delete(pair);
      });
    }
    if (stalled) hold(pair);
    else relay(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    stall() {
      if (stalled) return;
      stalled = true;
      for (const pair of pairs) hold(pair);
    },
    restore() {
      open = true;
      if (!stalled) return;
      stalled = false;
      for (const pair of pairs) relay(pair);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
