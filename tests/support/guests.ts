/** Guests in tests: joining a session by its code through the real pages, as a phone does. */

let addresses = 0;
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/**
 * The guest form (which sets the browser's form token), then its post with these fields. Each
 * phone comes from an address of its own (the app must trust X-Forwarded-For: TRUST_PROXY=1)
 * unless one is given.
 */
export async function joinAsGuest(
  baseUrl: string,
  code: string,
  fields: Record<string, string> = {},
  address?: string,
) {
  addresses++;
  const from = address ?? `198.51.${Math.floor(addresses / 250)}.${addresses % 250}`;
  const form = await fetch(`${baseUrl}/join/${code}`, {
    headers: { "x-forwarded-for": from },
    redirect: "manual",
  });
  const html = await form.text();
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? "";
  const joined = await fetch(`${baseUrl}/join/${code}`, {
    method: "POST",
    headers: {
      cookie: cookiesOf(form),
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": from,
    },
    body: new URLSearchParams({ csrf, ...fields }),
    redirect: "manual",
  });
  return { form: { status: form.status, html }, joined, cookie: cookiesOf(joined) };
}

/**
 * Posts a command to a page as the guest's browser does (their session has its own form
 * token, read off the page), and answers with the action's JSON reply.
 */
export async function guestCommand(
  baseUrl: string,
  path: string,
  routeId: string,
  cookie: string,
  fields: Record<string, string>,
) {
  const page = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]*)"/.exec(page)?.[1] ?? "";
  return fetch(`${baseUrl}${path}?_data=${encodeURIComponent(routeId)}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf, ...fields }),
  });
}
