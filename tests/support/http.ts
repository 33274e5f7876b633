/** HTTP helpers: forms posted the way a browser posts them. */

/** Posts a form the way a browser does, with the csrf token cookieFor() put in the session. */
export async function postForm(
  baseUrl: string,
  path: string,
  cookie: string,
  fields: Record<string, string | string[]>,
) {
  const body = new URLSearchParams({ csrf: "test-csrf-token" });
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
}

/**
 * A cookie-keeping HTTP client that reads the csrf token out of the page it was given, the way
 * a browser submits a form it loaded. For flows that must go through the real token check.
 * `signedInWith`: a session cookie from elsewhere (another server process, for one).
 */
export function formClient(baseUrl: string, signedInWith = "") {
  // Every cookie the server set, by name, as a browser keeps them (the session and the device
  // cookie a sign-in leaves, app/modules/auth/device.server.ts).
  const jar = new Map<string, string>();
  const remember = (pair: string) => {
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair);
  };
  if (signedInWith) remember(signedInWith);
  const header = () => [...jar.values()].join("; ");
  let csrf = "";
  const keep = (response: Response) => {
    for (const set of response.headers.getSetCookie()) remember(set.split(";")[0]!);
    return response;
  };
  return {
    get cookie() {
      return header();
    },
    /** Forgets one cookie, as a browser whose cookie expired or was cleared. */
    forget(name: string) {
      jar.delete(name);
    },
    async get(path: string) {
      const response = keep(
        await fetch(`${baseUrl}${path}`, { headers: { cookie: header() }, redirect: "manual" }),
      );
      const html = await response.text();
      csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? csrf;
      return { status: response.status, html, location: response.headers.get("location") };
    },
    /** Signs in through the real form; throws unless the server accepted it. */
    async signIn(email: string, password: string) {
      await this.get("/login");
      const result = await this.post("/login", { email, password });
      if (result.status !== 302)
        throw new Error(`sign-in as ${email} failed with ${result.status}`);
      return this;
    },
    async post(path: string, fields: Record<string, string>) {
      const response = keep(
        await fetch(`${baseUrl}${path}`, {
          method: "POST",
          headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrf, ...fields }),
          redirect: "manual",
        }),
      );
      return {
        status: response.status,
        html: await response.text(),
        location: response.headers.get("location"),
        headers: response.headers,
      };
    },
  };
}
