import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter an email address like name@example.org" }));

const password = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const personName = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters");

/** Only same-site paths: an open redirect would let a link send people anywhere after sign-in. */
export const redirectTo = z.string().optional().transform(samePagePath);

/**
 * A path on this site, or "/". Browsers read a backslash as "/" and drop tabs and newlines,
 * so "/" + backslash + "evil.example" would leave the site: anything but a plain path that
 * resolves to our own origin is refused. The path is sent as the normalised one, and
 * normalising can make a path that starts with "//" ("/.//evil.example", "/a/..//x",
 * "/%2e//x"): as a Location that names another host, so it is refused too.
 */
export function samePagePath(value: string | undefined): string {
  // C0 controls and DEL too: a browser drops or rewrites them before it resolves the address.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: those are what is refused
  if (!value?.startsWith("/") || /[\\\s\u0000-\u001f\u007f]/.test(value)) return "/";
  const base = "http://convene.invalid";
  const url = new URL(value, base);
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== base || path.startsWith("//")) return "/";
  return path;
}

export const signUpSchema = z.object({ name: personName, email, password, redirectTo });
export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).max(PASSWORD_MAX),
  redirectTo,
});
export const forgotPasswordSchema = z.object({ email });
export const signInLinkSchema = z.object({ email, redirectTo });
export const resetPasswordSchema = z
  .object({ password, confirm: z.string({ error: "Repeat the new password" }) })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The two passwords do not match",
  });
