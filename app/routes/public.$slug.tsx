import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Outlet,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { Heading, TextLink } from "../components/ui/index.ts";
import { i18nFor, LOCALES, type Locale, localeNames } from "../modules/i18n/i18n.ts";
import { publicLocale } from "../modules/i18n/locale.server.ts";
import { emailUpdatesOffered } from "../modules/publication/followers.server.ts";
import { requirePublicWorkGroup } from "../modules/publication/public-site.server.ts";

/** Tells the root layout to leave out the signed-in app's header: the public site has its own. */
export const handle = { publicSite: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale, setCookie } = publicLocale(request);
  const workGroup = await requirePublicWorkGroup(context, params.slug ?? "");
  return json(
    {
      locale,
      workGroup: { slug: workGroup.slug, name: workGroup.name },
      emailUpdates: emailUpdatesOffered(context),
    },
    {
      headers: {
        // The same address answers in the reader's language.
        Vary: "Cookie, Accept-Language",
        ...(setCookie ? { "Set-Cookie": setCookie } : {}),
      },
    },
  );
}

/** The public site's frame: the work group's name, the language switch, and the feed. */
export default function PublicSite() {
  const { locale, workGroup, emailUpdates } = useLoaderData<typeof loader>();
  return (
    <Translated locale={locale}>
      <Frame
        name={workGroup.name}
        slug={workGroup.slug}
        locale={locale}
        emailUpdates={emailUpdates}
      >
        <Outlet />
      </Frame>
    </Translated>
  );
}

function Translated({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <I18nextProvider i18n={i18nFor(locale)}>{children}</I18nextProvider>;
}

function Frame({
  name,
  slug,
  locale,
  emailUpdates,
  children,
}: {
  name: string;
  slug: string;
  locale: Locale;
  emailUpdates: boolean;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <header className="border-b border-line bg-surface print:border-0">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link to={`/public/${slug}`} className="text-subheading font-bold text-brand-900">
            {name}
          </Link>
          <nav aria-label={t("site.language")} className="print:hidden">
            <ul className="flex gap-3">
              {LOCALES.map((other) => (
                <li key={other}>
                  {other === locale ? (
                    <span
                      aria-current="true"
                      className="inline-block py-2.5 font-semibold"
                      lang={other}
                    >
                      {localeNames[other]}
                    </span>
                  ) : (
                    <TextLink
                      href={`${pathname}?lang=${other}`}
                      lang={other}
                      hrefLang={other}
                      standalone
                    >
                      {localeNames[other]}
                    </TextLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto flex max-w-4xl flex-wrap justify-between gap-3 border-t border-line px-4 py-4 text-small text-muted print:hidden">
        <TextLink href={`/public/${slug}/feed.xml`} standalone>
          {t("site.feed")}
        </TextLink>
        {emailUpdates ? (
          <TextLink to={`/public/${slug}/follow`} standalone>
            {t("site.follow")}
          </TextLink>
        ) : null}
        <span className="py-2.5">{t("site.poweredBy")}</span>
      </footer>
    </>
  );
}

/** A 404 or a failure, in the reader's language when the site itself loaded. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/public.$slug");
  const locale = data?.locale ?? "en";
  const t = i18nFor(locale).t;
  const message =
    isRouteErrorResponse(error) && error.status < 500 ? t("site.notFound") : t("site.error");
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-6">
      <Heading level={1}>{message}</Heading>
      {data ? (
        <p className="mt-4">
          <TextLink to={`/public/${data.workGroup.slug}`}>{t("site.home")}</TextLink>
        </p>
      ) : null}
    </main>
  );
}
