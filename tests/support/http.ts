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
  let cookie = signedInWith;
  let csrf = "";
  const keep = (response: Response) => {
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    return response;
  };
  return {
    get cookie() {
      return cookie;
    },
    async get(path: string) {
      const response = keep(
        await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" }),
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
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrf, ...fields }),
          redirect: "manual",
        }),
      );
      return {
        status: response.status,
        html: await response.text(),
        location: response.headers.get("location"),
      };
    },
  };
}
