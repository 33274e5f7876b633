import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createUser, PASSWORD, startTestApp, type TestApp } from "../support/app.ts";
import { formClient } from "../support/http.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

describe("programs and work groups", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let owner: ReturnType<typeof formClient>;
  let inviteLink = "";
  let slug = "";

  it("lets the instance admin add a program and a work group with its lists", async () => {
    admin = await createUser(app.ctx, "Ada Admin"); // first account: admin
    owner = await formClient(app.url).signIn(admin.email, PASSWORD);
    await owner.get("/");
    // "?index": the form on the home page posts to the index route, as Remix's <Form> does.
    const program = await owner.post("/?index", {
      name: "State School Improvement Program",
      description: "Six development teams",
    });
    expect(program.status).toBe(302);
    expect(program.location).toBe("/programs/state-school-improvement-program");
    await owner.get(program.location!);
    const created = await owner.post(program.location!, {
      name: "Success-Ready Students Work Group",
      purpose: "Explore competency-based learning",
      essentialQuestions: "What is competency-based learning?\nWhat strategies are needed?",
      areasOfFocus: "Assessment for Learning\nPolicy",
      stakeholderGroups: "Students\nParents\nTeachers",
      regions: "Central\nSoutheast",
    });
    expect(created.status).toBe(302);
    slug = created.location!.split("/")[2]!;
    expect(slug).toBe("success-ready-students-work-group");
    const wg = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { slug },
      include: { areasOfFocus: true, stakeholderGroups: true, regions: true, memberships: true },
    });
    expect(wg.areasOfFocus.map((a) => a.name)).toEqual(["Assessment for Learning", "Policy"]);
    expect(wg.stakeholderGroups).toHaveLength(3);
    expect(wg.memberships).toEqual([expect.objectContaining({ userId: admin.id, role: "owner" })]);
  });

  it("refuses a duplicate list entry with a clear message", async () => {
    await owner.get("/programs/state-school-improvement-program");
    const result = await owner.post("/programs/state-school-improvement-program", {
      name: "Another group",
      stakeholderGroups: "Students\nstudents",
    });
    expect(result.status).toBe(400);
    expect(result.html).toContain("Each of the stakeholder groups may appear only once");
  });

  it("invites by link; the new member records group and region and shows up in representation", async () => {
    await owner.get(`/work-groups/${slug}/members`);
    const made = await owner.post(`/work-groups/${slug}/members`, {
      intent: "invite",
      role: "member",
      days: "7",
      email: "",
    });
    expect(made.status).toBe(200);
    inviteLink = /value="(http[^"]+\/invite\/[^"]+)"/.exec(made.html)![1]!;
    const path = new URL(inviteLink).pathname;

    const newcomer = await createUser(app.ctx, "Maya Student");
    const client = await formClient(app.url).signIn(newcomer.email, PASSWORD);
    const page = await client.get(path);
    expect(page.html).toContain("Join the Success-Ready Students Work Group");
    const wg = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { slug },
      include: { stakeholderGroups: true, regions: true },
    });
    const students = wg.stakeholderGroups.find((g) => g.name === "Students")!;
    const central = wg.regions.find((r) => r.name === "Central")!;
    const bogus = await client.post(path, {
      stakeholderGroupId: "not-a-group",
      regionId: central.id,
    });
    expect(bogus.status).toBe(400);
    expect(bogus.html).toContain("Choose one of the listed groups");
    const joined = await client.post(path, {
      stakeholderGroupId: students.id,
      regionId: central.id,
    });
    expect(joined.status).toBe(302);
    const membership = await app.ctx.db.membership.findFirstOrThrow({
      where: { userId: newcomer.id },
    });
    expect(membership).toMatchObject({
      role: "member",
      stakeholderGroupId: students.id,
      regionId: central.id,
    });

    const members = await owner.get(`/work-groups/${slug}/members`);
    expect(members.html).toContain("Maya Student");
    // 3 groups × 2 regions, one cell filled (Students × Central); the owner has no group.
    expect(members.html).toContain("5 empty cells");

    // A member may see the members but not invite.
    await client.get(`/work-groups/${slug}/members`);
    const refused = await client.post(`/work-groups/${slug}/members`, {
      intent: "invite",
      role: "owner",
      days: "7",
    });
    expect(refused.status).toBe(403);
  });

  it("stops a revoked link from working", async () => {
    const invite = await app.ctx.db.invite.findFirstOrThrow({ where: { revokedAt: null } });
    await owner.get(`/work-groups/${slug}/members`);
    expect(
      (await owner.post(`/work-groups/${slug}/members`, { intent: "revoke", inviteId: invite.id }))
        .status,
    ).toBe(200);
    const page = await formClient(app.url).get(new URL(inviteLink).pathname);
    expect(page.status).toBe(410);
    expect(page.html).toContain("This invite no longer works");
  });

  it("stops an expired link, and keeps an emailed invite for its addressee", async () => {
    await owner.get(`/work-groups/${slug}/members`);
    const made = await owner.post(`/work-groups/${slug}/members`, {
      intent: "invite",
      role: "recorder",
      days: "1",
      email: "riley@example.org",
    });
    expect(made.html).toContain("Invite emailed to riley@example.org");
    expect(app.logs.some((l) => l.message.includes("to riley@example.org"))).toBe(true);
    const path = new URL(/value="(http[^"]+\/invite\/[^"]+)"/.exec(made.html)![1]!).pathname;
    const stranger = await createUser(app.ctx, "Someone Else");
    const client = await formClient(app.url).signIn(stranger.email, PASSWORD);
    await client.get(path);
    const wg = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { slug },
      include: { stakeholderGroups: true },
    });
    const refused = await client.post(path, { stakeholderGroupId: wg.stakeholderGroups[0]!.id });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("This invite was sent to riley@example.org");
    await app.ctx.db.invite.updateMany({
      where: { email: "riley@example.org" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await client.get(path)).status).toBe(410);
  });

  it("lets the owner edit the lists; members keep the entries that remain", async () => {
    const maya = await app.ctx.db.user.findFirstOrThrow({ where: { name: "Maya Student" } });
    const before = await app.ctx.db.membership.findFirstOrThrow({ where: { userId: maya.id } });
    await owner.get(`/work-groups/${slug}/settings`);
    const saved = await owner.post(`/work-groups/${slug}/settings`, {
      name: "Success-Ready Students Work Group",
      purpose: "Explore competency-based learning",
      essentialQuestions: "What is competency-based learning?",
      areasOfFocus: "Assessment for Learning\nPolicy\nInnovation Zones",
      stakeholderGroups: "Students\nTeachers\nCommunity",
      regions: "Central\nSoutheast",
      consensusColumn: "on",
    });
    expect(saved.status).toBe(302);
    const wg = await app.ctx.db.workGroup.findUniqueOrThrow({
      where: { slug },
      include: { stakeholderGroups: { orderBy: { position: "asc" } }, areasOfFocus: true },
    });
    expect(wg.stakeholderGroups.map((g) => g.name)).toEqual(["Students", "Teachers", "Community"]);
    expect(wg.areasOfFocus).toHaveLength(3);
    expect(wg.consensusColumn).toBe(true);
    const after = await app.ctx.db.membership.findFirstOrThrow({ where: { userId: maya.id } });
    expect(after.stakeholderGroupId).toBe(before.stakeholderGroupId);

    const member = await formClient(app.url).signIn(maya.email, PASSWORD);
    expect((await member.get(`/work-groups/${slug}/settings`)).status).toBe(403);
  });

  it("lets the owner change roles, but never leaves the work group without an owner", async () => {
    const maya = await app.ctx.db.membership.findFirstOrThrow({
      where: { user: { name: "Maya Student" } },
    });
    const mine = await app.ctx.db.membership.findFirstOrThrow({ where: { userId: admin.id } });
    await owner.get(`/work-groups/${slug}/members`);
    const changed = await owner.post(`/work-groups/${slug}/members`, {
      intent: "change-role",
      membershipId: maya.id,
      role: "recorder",
    });
    expect(changed.status).toBe(200);
    expect((await app.ctx.db.membership.findUniqueOrThrow({ where: { id: maya.id } })).role).toBe(
      "recorder",
    );
    const lastOwner = await owner.post(`/work-groups/${slug}/members`, {
      intent: "change-role",
      membershipId: mine.id,
      role: "member",
    });
    expect(lastOwner.status).toBe(400);
    expect(lastOwner.html).toContain("A work group needs an owner");
    expect((await app.ctx.db.membership.findUniqueOrThrow({ where: { id: mine.id } })).role).toBe(
      "owner",
    );

    const mayaUser = await app.ctx.db.user.findUniqueOrThrow({ where: { id: maya.userId } });
    const recorder = await formClient(app.url).signIn(mayaUser.email, PASSWORD);
    await recorder.get(`/work-groups/${slug}/members`);
    const refused = await recorder.post(`/work-groups/${slug}/members`, {
      intent: "change-role",
      membershipId: maya.id,
      role: "owner",
    });
    expect(refused.status).toBe(403);
  });

  it("keeps an owner when two owners demote each other at the same moment", async () => {
    const { changeRole } = await import("../../app/modules/work-group/members.server.ts");
    const wg = await app.ctx.db.workGroup.findUniqueOrThrow({ where: { slug } });
    const second = await createUser(app.ctx, "Second Owner");
    const secondMembership = await app.ctx.db.membership.create({
      data: { workGroupId: wg.id, userId: second.id, role: "owner" },
    });
    const first = await app.ctx.db.membership.findFirstOrThrow({
      where: { workGroupId: wg.id, userId: admin.id },
    });
    const access = {
      workGroup: { id: wg.id, slug: wg.slug, name: wg.name },
      role: "owner" as const,
    };
    const results = await Promise.all([
      changeRole(app.ctx, admin, access, { membershipId: secondMembership.id, role: "member" }),
      changeRole(app.ctx, second, access, { membershipId: first.id, role: "member" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      await app.ctx.db.membership.count({ where: { workGroupId: wg.id, role: "owner" } }),
    ).toBe(1);
    // Put things back for the tests that follow.
    await app.ctx.db.membership.update({ where: { id: first.id }, data: { role: "owner" } });
  });

  it("hides a work group from people outside it", async () => {
    const outsider = await createUser(app.ctx, "Otto Outsider");
    const cookie = await cookieFor(app.ctx, outsider.id);
    const response = await fetch(`${app.url}/work-groups/${slug}`, { headers: { cookie } });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html, html).toContain("We could not find that work group.");
  });
});
