import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/*
 * Messages are catalogue keys ("auth.errors.*"): the form says them in the reader's language
 * (ErrorList), in the browser as on the server.
 */
export const email = z
  .string({ error: "auth.errors.emailMissing" })
  .trim()
  .toLowerCase()
  .max(254, "auth.errors.emailLong")
  .pipe(z.email({ error: "auth.errors.emailInvalid" }));

const password = z
  .string({ error: "auth.errors.passwordMissing" })
  .min(PASSWORD_MIN, "auth.errors.passwordShort")
  .max(PASSWORD_MAX, "auth.errors.passwordLong");

export const personName = z
  .string({ error: "auth.errors.nameMissing" })
  .trim()
  .min(1, "auth.errors.nameMissing")
  .max(100, "auth.errors.nameLong");

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
  password: z.string({ error: "auth.errors.passwordMissing" }).max(PASSWORD_MAX),
  redirectTo,
});
export const forgotPasswordSchema = z.object({ email });
export const signInLinkSchema = z.object({ email, redirectTo });
export const resetPasswordSchema = z
  .object({ password, confirm: z.string({ error: "auth.errors.confirmMissing" }) })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "auth.errors.passwordsDiffer",
  });
/** Confirming an existing account for a provider sign-in (login_.confirm-account.tsx). */
export const confirmAccountSchema = z.object({
  password: z.string({ error: "auth.errors.passwordMissing" }).max(PASSWORD_MAX),
});
