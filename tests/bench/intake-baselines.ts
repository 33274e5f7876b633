import type { AddressInfo } from "node:net";
import type { Db } from "../../server/db.ts";
import type { IntakeBaselineKind, OursOptions, RunningServer } from "./servers.ts";

/**
 * The intake benchmark's comparison points, each a server in its own child process like ours:
 *
 *   bare-express  Express parsing the same urlencoded form and answering JSON: no validation,
 *                 no database. What HTTP and form parsing alone cost on this machine.
 *   naive-insert  The same, plus one Prisma insert per request into the same comments table
 *                 (same database, same pragmas: WAL, synchronous=FULL): what a straightforward
 *                 implementation stores per second, one transaction and one fsync per comment.
 */

/** A published work group's open comment period (a day either side), with two sections. */
export async function openBenchCommentPeriod(db: Db, workGroupId: string) {
  await db.workGroup.update({
    where: { id: workGroupId },
    data: {
      publishedAt: new Date(),
      stakeholderGroups: { create: [{ name: "Parents", position: 0 }] },
      regions: { create: [{ name: "Central", position: 0 }] },
    },
  });
  const period = await db.commentPeriod.create({
    data: {
      workGroupId,
      title: "Bench comment period",
      timeZone: "UTC",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      publishedAt: new Date(),
      sections: {
        create: [
          { number: 1, heading: "Performance Standards", body: "Academic achievement." },
          { number: 2, heading: "Continuous Improvement", body: "Needs assessment." },
        ],
      },
    },
  });
  return period.id;
}

export async function startIntakeBaseline(
  kind: IntakeBaselineKind,
  options: OursOptions,
): Promise<RunningServer> {
  const { default: express } = await import("express");
  const app = express();
  app.disable("x-powered-by");
  app.use(express.urlencoded({ extended: false, limit: "256kb" }));
  let db: Db | null = null;
  let periodId = "";
  if (kind === "naive-insert") {
    const { parseDatabaseUrl } = await import("../../server/config.ts");
    const { createDb, prepareDb } = await import("../../server/db.ts");
    const { newTrackingNumber } = await import(
      "../../app/modules/comment-period/tracking-number.ts"
    );
    const database = parseDatabaseUrl(options.databaseUrl);
    db = createDb(database);
    await prepareDb(db, database);
    const program = await db.program.create({ data: { slug: "naive", name: "Naive" } });
    const workGroup = await db.workGroup.create({
      data: { programId: program.id, slug: "naive-wg", name: "Naive work group" },
    });
    periodId = await openBenchCommentPeriod(db, workGroup.id);
    let sequence = 0;
    app.post("/comment", async (req, res) => {
      const form = req.body as Record<string, string>;
      try {
        const comment = await db!.comment.create({
          data: {
            periodId,
            trackingNumber: newTrackingNumber(),
            submissionKey: `${process.pid}-${++sequence}`,
            stakeholderGroup: String(form.stakeholderGroup ?? ""),
            region: String(form.region ?? ""),
            body: String(form.comment ?? ""),
          },
          select: { trackingNumber: true },
        });
        res.json({ receipt: comment });
      } catch (error) {
        res.status(500).json({ message: String(error) });
      }
    });
  } else {
    app.post("/comment", (req, res) => {
      res.json({ received: Object.keys(req.body as object).length });
    });
  }
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    info: {
      kind,
      wsServerUrl: "",
      rooms: [],
      boardIds: [],
      clientCookies: [],
      csrf: "",
      postUrl: `http://127.0.0.1:${port}/comment`,
      description:
        kind === "bare-express"
          ? "Express 4 urlencoded form POST, JSON answer, nothing stored"
          : "Express 4 urlencoded form POST, one Prisma insert (one transaction) per request",
      comments: { path: "/comment", periodId, secret: "" },
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db?.$disconnect();
    },
  };
}
