import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postIdea } from "../../app/modules/board/board.server.ts";
import { documentName } from "../../app/modules/documents/document-name.ts";
import { blocksUpdate } from "../../app/modules/documents/lexical-document.server.ts";
import type { Locale } from "../../app/modules/i18n/i18n.ts";
import { blockText } from "../../app/modules/publication/content.ts";
import { reportDraft, summaryDraft } from "../../app/modules/publication/drafts.server.ts";
import { recordAttendance } from "../../app/modules/session/attendance.server.ts";
import { type Cast, seedWorkGroup, startTestApp, type TestApp } from "../support/app.ts";

/**
 * Drafted summaries and reports state what happened and leave out what did not: a published
 * "0 members attended." or "No whole-group notes were taken." tells the public nothing.
 */

let app: TestApp;
let full: Cast;
let empty: Cast;

beforeAll(async () => {
  app = await startTestApp();
  full = await seedWorkGroup(app.ctx);
  empty = await seedWorkGroup(app.ctx);
  const db = app.ctx.db;
  const teachers = await db.stakeholderGroup.findFirstOrThrow({
    where: { workGroupId: full.workGroup.id, name: "Teachers" },
  });
  await db.membership.update({
    where: { workGroupId_userId: { workGroupId: full.workGroup.id, userId: full.memberA.id } },
    data: { stakeholderGroupId: teachers.id },
  });
  await db.agendaItem.create({
    data: {
      sessionId: full.session.id,
      position: 1,
      title: "Welcome and charge",
      minutes: 15,
      presenter: "Dana",
    },
  });
  await recordAttendance(app.ctx, full.session.id, full.memberA.id);
  await recordAttendance(app.ctx, full.session.id, full.memberB.id);
  const idea = await postIdea(app.ctx, full.memberA, full.board.id, {
    column: "resources",
    text: "Release time for teachers to collaborate",
  });
  await db.rating.create({ data: { ideaId: idea.id, userId: full.memberB.id, stars: 4 } });
  await db.theme.create({
    data: {
      sessionId: full.session.id,
      label: "Time to collaborate",
      position: 1,
      ideas: { connect: [{ id: idea.id }] },
    },
  });
  // A theme nobody put an idea in says nothing: it is left out.
  await db.theme.create({
    data: { sessionId: full.session.id, label: "An empty theme", position: 2 },
  });
  await db.documentUpdate.create({
    data: {
      docName: documentName.notes(full.session.id),
      update: Buffer.from(
        blocksUpdate([{ kind: "paragraph", runs: [{ text: "We agreed to meet monthly." }] }]),
      ) as Uint8Array<ArrayBuffer>,
    },
  });
  await db.recommendation.create({
    data: {
      workGroupId: full.workGroup.id,
      position: 1,
      title: "Fund tutoring",
      actionSteps: {
        create: [
          {
            position: 1,
            description: "Hire tutors",
            ownerGroup: "Regional centers",
            horizon: "90_days",
            status: "in_progress",
          },
        ],
      },
    },
  });
});
afterAll(async () => {
  await app?.stop();
});

/** Intl writes a narrow no-break space before "AM": compared as a plain one. */
const plain = (text: string) => text.replace(/[^\S\n]/g, " ");
const summaryText = async (cast: Cast, locale: Locale) =>
  plain((await summaryDraft(app.ctx, cast.session.id, locale)).map(blockText).join("\n"));
const reportText = async (cast: Cast, locale: Locale) =>
  plain((await reportDraft(app.ctx, cast.workGroup.id, locale)).map(blockText).join("\n"));

describe("a drafted session summary", () => {
  it("of an empty session states when it was held and nothing it did not have", async () => {
    const text = await summaryText(empty, "en");
    expect(text).toBe("Held Tuesday, December 1, 2026 at 9:00 AM (CST).");
    for (const absent of ["Agenda", "Attendance", "attended", "Themes", "ideas", "Notes"]) {
      expect(text).not.toContain(absent);
    }
    expect(text).not.toMatch(/\b0\b|no agenda|not themed|no whole-group notes/i);
  });

  it("of a full session keeps every fact: agenda, attendance, themes, notes", async () => {
    const text = await summaryText(full, "en");
    expect(text.split("\n")).toEqual([
      "Held Tuesday, December 1, 2026 at 9:00 AM (CST).",
      "Agenda",
      "Welcome and charge (15 minutes, Dana)",
      "Attendance",
      "2 members attended.",
      "Teachers: 1",
      "No stakeholder group given: 1",
      "Themes",
      "Time to collaborate",
      "1 idea:",
      "Release time for teachers to collaborate (4.0 stars from 1 rating)",
      "Notes",
      "We agreed to meet monthly.",
    ]);
  });

  it("in Spanish says the same facts in Spanish, and leaves out the same empty ones", async () => {
    const text = await summaryText(full, "es");
    for (const said of [
      "Celebrada el martes, 1 de diciembre de 2026",
      "Agenda",
      "Welcome and charge (15 minutos, Dana)",
      "Asistencia",
      "Asistieron 2 miembros.",
      "Teachers: 1",
      "Sin grupo de interés indicado: 1",
      "Temas",
      "1 idea:",
      "(4.0 estrellas de 1 valoración)",
      "Notas",
    ]) {
      expect(text).toContain(said);
    }
    const nothing = await summaryText(empty, "es");
    expect(nothing.split("\n")).toHaveLength(1);
    expect(nothing).toMatch(/^Celebrada el martes, 1 de diciembre de 2026/);
  });
});

describe("a drafted report", () => {
  it("of a work group with nothing recorded but its members has no empty sections", async () => {
    const text = await reportText(empty, "en");
    expect(text.split("\n")).toEqual([
      "Executive summary",
      "Write the executive summary here.",
      "Work group members",
      "Other members: 4 members",
    ]);
  });

  it("keeps recommendations, learning, members and the appendix where there are some", async () => {
    const text = await reportText(full, "en");
    for (const said of [
      "Recommendations",
      "Recommendation 1: Fund tutoring",
      "Key action steps",
      "Hire tutors (Regional centers; 90 days; In progress)",
      "Work group members",
      "Appendix: all ideas by theme",
      "Time to collaborate (Planning session)",
      "Resources: Release time for teachers to collaborate",
    ]) {
      expect(text).toContain(said);
    }
    expect(text).not.toContain("No recommendations yet.");
  });

  it("in Spanish", async () => {
    const text = await reportText(full, "es");
    for (const said of [
      "Resumen ejecutivo",
      "Recomendaciones",
      "Recomendación 1: Fund tutoring",
      "Pasos de acción clave",
      "Hire tutors (Regional centers; 90 días; En curso)",
      "Miembros del grupo de trabajo",
      "Anexo: todas las ideas por tema",
      "Recursos: Release time for teachers to collaborate",
    ]) {
      expect(text).toContain(said);
    }
  });
});
