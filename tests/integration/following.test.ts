import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cast, startSeededApp, type TestApp } from "../support/app.ts";
import { formClient, postForm } from "../support/http.ts";
import { type Mail, startMailbox } from "../support/mail.ts";
import { waitFor } from "../support/realtime.ts";

/**
 * Following a work group by email, through a real SMTP server that keeps what it receives.
 */
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let app: TestApp;
let cast: Cast;
let facilitator = "";
const APP_URL = "https://convene.example.org";

beforeAll(async () => {
  mailbox = await startMailbox();
  const seeded = await startSeededApp({ SMTP_URL: mailbox.url, APP_URL });
  ({ app, cast } = seeded);
  facilitator = seeded.cookies.facilitator;
  await app.ctx.db.workGroup.update({
    where: { id: cast.workGroup.id },
    data: { publishedAt: new Date() },
  });
});
afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

const site = () => `/public/${cast.workGroup.slug}`;
/** A link from a mail, on the test server instead of the configured address. */
const local = (link: string) => link.replace(APP_URL, "");
const linkIn = (mail: Mail, pattern: RegExp) => local(pattern.exec(mail.body)?.[0] ?? "");

describe("following a work group by email", () => {
  it("confirms the address first, mails each publication, and unsubscribes in one press", async () => {
    const visitor = formClient(app.url);
    const page = await visitor.get(`${site()}/follow`);
    expect(page.status).toBe(200);
    expect((await visitor.get(site())).html).toContain("Follow by email");

    const bad = await visitor.post(`${site()}/follow`, { email: "not an address" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Enter an email address");

    const asked = await visitor.post(`${site()}/follow`, { email: "Parent@Example.org" });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain("Check your inbox");
    const confirmation = await waitFor(() =>
      mailbox.inbox.find((m) => m.to === "parent@example.org"),
    );
    const confirmLink = linkIn(
      confirmation,
      new RegExp(`${APP_URL}/public/[\\w-]+/follow/[\\w-]+`),
    );
    expect(confirmLink).toMatch(/\/follow\//);

    // Not confirmed yet: a publication sends nothing.
    const draft = await postForm(
      app.url,
      `/work-groups/${cast.workGroup.slug}/public-site?_data=routes/work-groups.$slug.public-site`,
      facilitator,
      {
        intent: "new-summary",
        sessionId: cast.session.id,
      },
    );
    const publicationId = draft.headers.get("x-remix-redirect")!.split("/").at(-1)!;
    const publish = () =>
      postForm(
        app.url,
        `/work-groups/${cast.workGroup.slug}/publications/${publicationId}?_data=routes/work-groups.$slug.publications.$publicationId`,
        facilitator,
        { intent: "publish" },
      );
    expect((await publish()).status).toBe(200);

    await visitor.get(confirmLink); // the page with the Confirm button
    const confirmed = await visitor.post(confirmLink, {});
    expect(confirmed.html).toContain("you will get an email");
    expect(mailbox.inbox.filter((m) => m.to === "parent@example.org")).toHaveLength(1);

    expect((await publish()).status).toBe(200);
    const update = await waitFor(() =>
      mailbox.inbox.find((m) => m.body.includes("Updated: Summary: Planning session")),
    );
    expect(update.body).toContain(
      `${APP_URL}/public/${cast.workGroup.slug}/publications/${publicationId}`,
    );

    // Asking again for a followed address sends nothing and answers the same.
    const again = await visitor.post(`${site()}/follow`, { email: "parent@example.org" });
    expect(again.html).toContain("Check your inbox");

    const unfollowLink = linkIn(update, new RegExp(`${APP_URL}/public/[\\w-]+/unfollow/[\\w.-]+`));
    const forged = unfollowLink.replace(/\.[\w-]+$/, ".forged");
    expect((await visitor.post(forged, {})).status).toBe(404);
    expect((await visitor.post(unfollowLink, {})).html).toContain("no more emails");
    expect(await app.ctx.db.follower.count()).toBe(0);
    const before = mailbox.inbox.length;
    expect((await publish()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.inbox.length).toBe(before);
  });
});
