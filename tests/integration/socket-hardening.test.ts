import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIdeas } from "../../app/modules/board/board-doc.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { encodeAwarenessEntries } from "../../server/realtime/protocol.ts";
import { cookieFor, seedWorkGroup, startTestApp, type TestApp } from "../support/app.ts";
import { postForm } from "../support/http.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";

let app: TestApp;
let cast: Awaited<ReturnType<typeof seedWorkGroup>>;
let cookie: string;

beforeAll(async () => {
  app = await startTestApp();
  cast = await seedWorkGroup(app.ctx);
  cookie = await cookieFor(app.ctx, cast.memberA.id);
});
afterAll(() => app?.stop());

/** A signed-in member's raw TCP websocket, past the handshake, to send frames no client library would. */
async function rawSocket(name: string): Promise<net.Socket> {
  const { port } = new URL(app.url);
  const socket = net.connect(Number(port), "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.write(
    [
      `GET /yjs/${name} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      "Sec-WebSocket-Version: 13",
      `Cookie: ${cookie}`,
      "",
      "",
    ].join("\r\n"),
  );
  const head = await new Promise<string>((resolve) =>
    socket.once("data", (d) => resolve(d.toString("latin1"))),
  );
  expect(head.startsWith("HTTP/1.1 101")).toBe(true);
  return socket;
}

/** A client frame: masked (with a zero key, so the payload reads as is). */
function frame(byte0: number, payload: Uint8Array, declaredLength = payload.length) {
  const header =
    declaredLength < 126
      ? Buffer.from([byte0, 0x80 | declaredLength])
      : declaredLength < 65536
        ? Buffer.from([byte0, 0x80 | 126, declaredLength >> 8, declaredLength & 255])
        : Buffer.concat([Buffer.from([byte0, 0x80 | 127]), bigLength(declaredLength)]);
  return Buffer.concat([header, Buffer.from([0, 0, 0, 0]), Buffer.from(payload)]);
}

function bigLength(n: number) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

function closed(socket: net.Socket, timeoutMs = 3_000) {
  return new Promise<boolean>((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.on("error", () => undefined);
    socket.resume();
  });
}

const cases: [string, (s: net.Socket) => void][] = [
  ["reserved bits set", (s) => s.write(frame(0x80 | 0x40 | 0x2, new Uint8Array([0, 0])))],
  ["a reserved opcode", (s) => s.write(frame(0x80 | 0x3, new Uint8Array([1])))],
  [
    "invalid UTF-8 in a text frame",
    (s) => s.write(frame(0x81, new Uint8Array([0xff, 0xfe, 0xfd]))),
  ],
  ["an oversize message", (s) => s.write(frame(0x82, new Uint8Array(0), 3 * 1024 * 1024))],
  [
    "a flood of tiny fragments",
    (s) => {
      s.write(frame(0x02, new Uint8Array([0])));
      const empty = frame(0x00, new Uint8Array(0));
      s.write(Buffer.concat(Array.from({ length: 400_000 }, () => empty)));
    },
  ],
  ["a garbage Yjs update", (s) => s.write(frame(0x82, new Uint8Array([0, 2, 40, 1, 2, 3, 4, 5])))],
  ["a garbage state vector", (s) => s.write(frame(0x82, new Uint8Array([0, 0, 9, 200, 200, 200])))],
  [
    "garbage presence",
    (s) => s.write(frame(0x82, new Uint8Array([1, 5, 1, 7, 1, 3, 123, 120, 125]))),
  ],
  ["an unknown message type", (s) => s.write(frame(0x82, new Uint8Array([42, 0, 0])))],
  ["an unknown sync step", (s) => s.write(frame(0x82, new Uint8Array([0, 7, 0])))],
  ["a text message", (s) => s.write(frame(0x81, new TextEncoder().encode("hello")))],
  [
    "a read-only member's 600 KiB message",
    (s) => s.write(frame(0x82, new Uint8Array([0, 2, ...new Uint8Array(600 * 1024)]))),
  ],
  [
    "a flood of sync requests (each makes the server encode the board)",
    (s) => {
      const step1 = frame(0x82, new Uint8Array([0, 0, 1, 0]));
      s.write(Buffer.concat(Array.from({ length: 40 }, () => step1)));
    },
  ],
  [
    "a flood of presence updates (each goes to the whole room)",
    (s) => {
      // The connection's own entry, updated 60 times at once (an echo of others' would not count).
      const messages = Array.from({ length: 60 }, (_, i) => {
        const entry = encodeAwarenessEntries([{ clientId: 4242, clock: i + 1, state: {} }]);
        return frame(0x82, new Uint8Array([1, entry.length, ...entry]));
      });
      s.write(Buffer.concat(messages));
    },
  ],
];

describe("one person's connections", () => {
  it("are capped: the 21st open socket is refused with 429", async () => {
    const { socketWith } = await import("../support/realtime.ts");
    const WS = socketWith({ cookie: await cookieFor(app.ctx, cast.memberB.id) });
    const url = `${app.url.replace("http", "ws")}/yjs/${documentName.board(cast.board.id)}`;
    const open: InstanceType<typeof WS>[] = [];
    for (let i = 0; i < 20; i++) {
      const ws = new WS(url);
      await new Promise((resolve, reject) => {
        ws.once("open", resolve);
        ws.once("error", reject);
      });
      open.push(ws);
    }
    const { upgradeStatus } = await import("../support/realtime.ts");
    expect(await upgradeStatus(url, { cookie: await cookieFor(app.ctx, cast.memberB.id) })).toBe(
      429,
    );
    for (const ws of open) ws.close();
  });
});

describe("a member's socket that breaks the protocol", () => {
  it.each(cases)(
    "is closed alone for %s; the process and other rooms carry on",
    async (_label, send) => {
      // A bystander in another room, who must keep receiving.
      const otherBoard = await app.ctx.db.board.create({
        data: { sessionId: cast.session.id, title: "Other room" },
      });
      const bystander = connectProvider(
        app.url,
        documentName.board(otherBoard.id),
        await cookieFor(app.ctx, cast.memberB.id),
      );
      await bystander.synced;

      const socket = await rawSocket(documentName.board(cast.board.id));
      send(socket);
      expect(await closed(socket)).toBe(true);

      const text = `still alive ${Math.random()}`;
      const response = await postForm(
        app.url,
        `/work-groups/${cast.workGroup.slug}/sessions/${cast.session.id}`,
        cookie,
        {
          intent: "post-idea",
          boardId: otherBoard.id,
          column: "resources",
          text,
        },
      );
      expect(response.status).toBe(200);
      await waitFor(
        () => readIdeas(bystander.doc).some((i) => i.text === text),
        1_000,
        "bystander idea",
      );
      expect(bystander.provider.wsconnected).toBe(true);
      bystander.close();
    },
  );
});
