import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIdeas } from "../../app/modules/board/board-doc.ts";
import { DEMO_PASSWORD } from "../../app/modules/demo/demo.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { freshDatabase } from "../support/app.ts";
import { formClient } from "../support/http.ts";
import { exited, type ServerProcess, startServerProcess } from "../support/process.ts";
import { connectProvider, waitFor } from "../support/realtime.ts";

let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: ServerProcess | undefined;
const env = () => ({
  DEMO: "true",
  DATABASE_URL: database.url,
  SESSION_SECRET: "restart-test-secret-0123456789abcdef",
});

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  server?.child.kill("SIGKILL");
  await database?.drop();
});

const signIn = (url: string, email: string) => formClient(url).signIn(email, DEMO_PASSWORD);

describe("the server process", () => {
  let sessionPath = "";
  let boardId = "";
  let sessionId = "";

  it("starts on an empty database with the demo work group and says how to sign in", async () => {
    server = await startServerProcess(env());
    expect(server.output()).toContain("Loaded the demo work group");
    expect(server.output()).toContain("dana@demo.convene.test");
    const facilitator = await signIn(server.url, "dana@demo.convene.test");
    // Production: the session cookie is __Host- prefixed (Secure, host-only, Path=/).
    expect(facilitator.cookie).toMatch(/^__Host-convene=/);
    const home = await facilitator.get("/");
    expect(home.html).toContain("Success-Ready Students Work Group");
    const overview = await facilitator.get("/work-groups/success-ready-students");
    sessionPath = /href="(\/work-groups\/success-ready-students\/sessions\/[a-z0-9]+)"/.exec(
      overview.html,
    )![1]!;
    sessionId = sessionPath.split("/").at(-1)!;
    const session = await facilitator.get(sessionPath);
    expect(session.html).toContain("Assessment for Learning");
    expect(session.html).toContain("Use multiple measures");
    boardId = /"boards":\[\{"id":"([a-z0-9]+)"/.exec(session.html)![1]!;
    // The demo carries on to themes, the report's recommendations and an action plan.
    const themes = await facilitator.get(`${sessionPath}/theming`);
    expect(themes.html).toContain("Assessment literacy and data use");
    const plan = await facilitator.get("/work-groups/success-ready-students/action-plan");
    expect(plan.html).toContain("Recommendation 5: In all engagement processes");
    expect(plan.html).toContain("Create a steering committee to support CBL policy development.");
  });

  it("keeps posted ideas and edited notes through kill -9", async () => {
    const member = await signIn(server!.url, "maya@demo.convene.test");
    await member.get(sessionPath);
    const posted = await member.post(sessionPath, {
      intent: "post-idea",
      boardId,
      column: "incentives",
      text: "Badges that follow students",
    });
    expect(posted.status).toBe(200);

    const recorder = await signIn(server!.url, "riley@demo.convene.test");
    const notes = connectProvider(server!.url, documentName.notes(sessionId), recorder.cookie);
    await notes.synced;
    notes.doc.getText("probe").insert(0, "Recorder: themes emerging around feedback");
    // Wait for the server to have it (a second client sees it), then kill without warning.
    const watcher = connectProvider(server!.url, documentName.notes(sessionId), recorder.cookie);
    await waitFor(() => watcher.doc.getText("probe").length > 0, 2_000, "notes at the server");
    await new Promise((r) => setTimeout(r, 100));
    server!.child.kill("SIGKILL");
    await exited(server!.child);
    notes.close();
    watcher.close();

    server = await startServerProcess(env());
    expect(server.output()).not.toContain("Loaded the demo");
    const again = await signIn(server.url, "riley@demo.convene.test");
    const board = connectProvider(server.url, documentName.board(boardId), again.cookie);
    const reopened = connectProvider(server.url, documentName.notes(sessionId), again.cookie);
    await Promise.all([board.synced, reopened.synced]);
    expect(readIdeas(board.doc).map((i) => i.text)).toContain("Badges that follow students");
    expect(reopened.doc.getText("probe").toString()).toBe(
      "Recorder: themes emerging around feedback",
    );
    board.close();
    reopened.close();
  });

  it("stores everything and exits 0 on SIGTERM", async () => {
    server!.child.kill("SIGTERM");
    expect(await exited(server!.child)).toBe(0);
    server = undefined;
  });

  it("refuses to start with invalid configuration, saying what is wrong", async () => {
    await expect(startServerProcess({ ...env(), PORT: "not-a-port" })).rejects.toThrow(
      /exited with 78[\s\S]*PORT/,
    );
  });
});
