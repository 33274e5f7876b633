// First: configures zod before any module builds a schema (see the file).
import "./utils/zod-in-browser.ts";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "./components/error-boundary.tsx";
import { CsrfInput } from "./components/forms.tsx";
import { Button, TextLink } from "./components/ui/index.ts";
import { csrfToken, existingCsrfToken, getPerson } from "./modules/auth/auth-session.server.ts";
import { i18nFor, isLocale, LOCALES, type Locale, localeNames } from "./modules/i18n/i18n.ts";
import { readerLocale } from "./modules/i18n/locale.server.ts";
import { useAppLocale, usePublicLocale } from "./modules/i18n/use-locale.ts";
import styles from "./tailwind.css";
import { useNonce } from "./utils/nonce.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Convene" }];

export { notAfterOffline as shouldRevalidate } from "./realtime/offline.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Reading the public site sets no cookie: its few forms that need this token (following by
  // email) ask for it in their own loaders (publicFormCsrf), and the comment and registration
  // forms carry signed tokens instead. The token is passed on only if the browser has one.
  if (new URL(request.url).pathname.startsWith("/public/")) {
    const [user, csrf] = await Promise.all([
      getPerson(context, request),
      existingCsrfToken(context, request),
    ]);
    return json({ user, csrf, locale: readerLocale(request, user?.locale).locale });
  }
  const [user, csrf] = await Promise.all([
    getPerson(context, request),
    csrfToken(context, request),
  ]);
  const { locale, setCookie } = readerLocale(request, user?.locale);
  const headers = new Headers({ Vary: "Cookie, Accept-Language" });
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  if (setCookie) headers.append("Set-Cookie", setCookie);
  return json({ user, csrf: csrf.token, locale }, { headers });
}

function useIsPublicSite() {
  return useMatches().some(
    (match) => (match.handle as { publicSite?: boolean } | undefined)?.publicSite,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  // The public site's pages are in the reader's language; the signed-in app is in English.
  const lang = usePublicLocale();
  const nonce = useNonce();
  return (
    <html lang={lang} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full bg-canvas text-body text-ink">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-surface focus:p-2"
        >
          {i18nFor(lang).t("site.skip")}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <header className="border-b border-line bg-surface">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3"
      >
        <a href="/" className="text-subheading font-bold text-brand-900">
          Convene
        </a>
        <div className="flex flex-wrap items-center justify-end gap-x-4">
          <LanguageSwitch />
          {data?.user?.guest ? (
            <Form method="post" action="/logout">
              <CsrfInput />
              <Button variant="link" type="submit">
                {t("guest.leave")}
              </Button>
            </Form>
          ) : data?.user ? (
            <>
              <TextLink href="/account" standalone>
                {data.user.name}
              </TextLink>
              <Form method="post" action="/logout">
                <CsrfInput />
                <Button variant="link" type="submit">
                  {t("header.signOut")}
                </Button>
              </Form>
            </>
          ) : (
            <>
              <TextLink href="/login" standalone>
                {t("header.signIn")}
              </TextLink>
              <TextLink href="/signup" standalone>
                {t("header.signUp")}
              </TextLink>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}

/**
 * The other languages, one button each, named in their own language (and marked so). The
 * choice is kept for the browser, and on the account of a member.
 */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" aria-label={t("header.language")}>
      <CsrfInput />
      <input type="hidden" name="back" value={`${location.pathname}${location.search}`} />
      {LOCALES.filter((l) => l !== i18n.language).map((l) => (
        <Button key={l} variant="link" name="lang" value={l} lang={l} className="px-1">
          {localeNames[l]}
        </Button>
      ))}
    </Form>
  );
}

export default function App() {
  // The signed-in app speaks the reader's language on the pages whose every word comes from
  // the catalogues (their route says so: use-locale.ts), and English on the others for now.
  const locale = useAppLocale();
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  if (useIsPublicSite()) return <Outlet />;
  // A page for a room's screen (the projector view) is the whole window: no header.
  if (bare)
    return (
      <I18nextProvider i18n={i18nFor(locale)}>
        <Outlet />
      </I18nextProvider>
    );
  return (
    <I18nextProvider i18n={i18nFor(locale)}>
      <Header />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </I18nextProvider>
  );
}

export function ErrorBoundary() {
  // The root's own data may be what failed: then English.
  const locale = useRouteLoaderData<{ locale?: Locale }>("root")?.locale ?? "en";
  return (
    <I18nextProvider i18n={i18nFor(isLocale(locale) ? locale : "en")}>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <GeneralErrorBoundary />
      </main>
    </I18nextProvider>
  );
}
