import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  Button,
  CsrfInput,
  compactInputClass,
  Field,
  FormError,
  SelectField,
  useZodForm,
} from "../components/forms.tsx";
import { StaffText } from "../components/staff-text.tsx";
import { Heading, Notice, Panel, summaryClass, Td, Text, Th } from "../components/ui/index.ts";
import { readForm } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { translated } from "../modules/i18n/use-locale.ts";
import {
  changeRole,
  createInvite,
  getMembersPage,
  removeMember,
  revokeInvite,
} from "../modules/work-group/members.server.ts";
import { can, mayInviteAs, ROLES } from "../modules/work-group/roles.ts";
import { changeRoleSchema, inviteSchema } from "../modules/work-group/schema.ts";
import { requireMember, requirePermission } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { http } from "../utils/http.server.ts";
import { dateTimeFormat } from "../utils/intl.ts";
import { linkOrigin } from "../utils/request.server.ts";

export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access } = await requireMember(context, request, params.slug);
  const page = await getMembersPage(context, access);
  const canInvite = can(access.role, "members:invite");
  return json({
    ...page,
    canInvite,
    canManage: can(access.role, "members:manage"),
    myRole: access.role,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireMember(context, request, params.slug);
  const form = await readForm(context, request);
  const intent = form.get("intent");
  if (intent === "change-role") {
    requirePermission(access, "members:manage");
    const submission = parseSubmission(form, changeRoleSchema);
    if (submission.status !== "success") throw http(400, "Choose one of the roles.");
    const result = await changeRole(context, user, access, submission.value);
    return json(
      { intent, result: null, link: null, message: result.ok ? null : result.message },
      { status: result.ok ? 200 : 400 },
    );
  }
  if (intent === "remove") {
    requirePermission(access, "members:manage");
    const result = await removeMember(
      context,
      user,
      access,
      String(form.get("membershipId") ?? ""),
    );
    return json(
      {
        intent,
        result: null,
        link: null,
        message: result.ok ? null : result.message,
        removed: result.ok ? result.name : null,
      },
      { status: result.ok ? 200 : 400 },
    );
  }
  requirePermission(access, "members:invite");
  if (intent === "revoke") {
    await revokeInvite(context, user, access, String(form.get("inviteId") ?? ""));
    return json({ intent, result: null, link: null, message: null });
  }
  if (intent !== "invite") throw http(400, "Unknown action.");
  const submission = parseSubmission(form, inviteSchema);
  if (submission.status !== "success") {
    return json({ intent, result: submission.reply(), link: null, message: null }, { status: 400 });
  }
  const invite = await createInvite(
    context,
    user,
    access,
    submission.value,
    linkOrigin(context, request),
  );
  return json({
    intent,
    result: submission.reply({ resetForm: true }),
    link: { url: invite.link, emailed: submission.value.email ?? null },
    message: null,
  });
}

export default function Members() {
  const {
    members,
    invites,
    representation: rep,
    canInvite,
    canManage,
    myRole,
  } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(
    inviteSchema,
    data?.intent === "invite" ? data.result : undefined,
    { defaultValue: { role: "member", days: "7" } },
  );
  const { t, i18n } = useTranslation();
  // A role on its own, as a list entry or a choice: "Facilitator", "Facilitador".
  const roleName = (role: string) => {
    const said = t(`role.${role}` as MessageKey);
    return said.charAt(0).toLocaleUpperCase(i18n.language) + said.slice(1);
  };
  const roleOptions = ROLES.filter((r) => mayInviteAs(myRole, r)).map((r) => ({
    value: r,
    label: roleName(r),
  }));
  // One time zone on server and browser, or hydration fails where the dates differ.
  const expiry = dateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-10">
      <section aria-labelledby="representation">
        <Heading level={1} size="heading" id="representation">
          {t("members.representation")}
        </Heading>
        <Text tone="muted" className="mt-1">
          {`${t("members.representationIntro")} ${
            rep.emptyCells > 0
              ? t("members.emptyCells", { count: rep.emptyCells })
              : t("members.allFilled")
          }`}
        </Text>
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full border-collapse bg-surface text-small">
            <caption className="sr-only">{t("members.tableCaption")}</caption>
            <thead>
              <tr>
                <Th scope="col">{t("members.stakeholderGroup")}</Th>
                {rep.regions.map((r) => (
                  <Th key={r.id} scope="col">
                    <StaffText es={r.nameEs}>{r.name}</StaffText>
                  </Th>
                ))}
                <Th scope="col">
                  {rep.regions.length ? t("members.noRegion") : t("members.membersColumn")}
                </Th>
                <Th scope="col">{t("members.total")}</Th>
              </tr>
            </thead>
            <tbody>
              {rep.groups.map((g, gi) => (
                <tr key={g.id}>
                  <Th scope="row">
                    <StaffText es={g.nameEs}>{g.name}</StaffText>
                  </Th>
                  {rep.counts[gi]!.map((count, ri) => {
                    const isRegion = ri < rep.regions.length || rep.regions.length === 0;
                    const empty = isRegion && count === 0;
                    return (
                      <td
                        key={rep.regions[ri]?.id ?? "none"}
                        className={`border border-line p-2 text-center ${empty ? "bg-amber-100 font-semibold text-warning" : ""}`}
                      >
                        {empty ? t("members.none") : count}
                      </td>
                    );
                  })}
                  <Td className="text-center">{rep.groupTotals[gi]}</Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rep.unassigned > 0 ? (
          <Text size="small" className="mt-2">
            {t("members.unassigned", { count: rep.unassigned })}
          </Text>
        ) : null}
      </section>

      <section aria-labelledby="members">
        <Heading level={2} id="members">
          {t("members.heading", { total: members.length })}
        </Heading>
        <FormError errors={data?.message ? [data.message] : null} />
        {data && "removed" in data && data.removed ? (
          <Notice as="p" tone="success" role="status" className="mt-2">
            {t("members.removed", { name: data.removed })}
          </Notice>
        ) : null}
        <table className="mt-3 min-w-full border-collapse bg-surface text-small">
          <thead>
            <tr>
              {(
                [
                  "members.name",
                  "members.role",
                  "members.stakeholderGroup",
                  "members.region",
                ] as const
              ).map((h) => (
                <Th key={h} scope="col">
                  {t(h)}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <Td>{m.name}</Td>
                <Td>
                  {canManage ? (
                    <Form method="post" className="flex items-center gap-2">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <select
                        name="role"
                        defaultValue={m.role}
                        aria-label={t("members.roleOf", { name: m.name })}
                        className={compactInputClass}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleName(r)}
                          </option>
                        ))}
                      </select>
                      <Button size="sm" variant="secondary">
                        {t("members.change")}
                      </Button>
                    </Form>
                  ) : (
                    roleName(m.role)
                  )}
                  {canManage ? (
                    // Removing someone is not undone by a click: it asks first.
                    <details className="mt-2">
                      <summary className={summaryClass("quiet")}>
                        {t("members.remove")}
                        <span className="sr-only">{` ${m.name}`}</span>
                      </summary>
                      <Form method="post" className="mt-2 space-y-2">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <Text size="small">{t("members.removeWarning", { name: m.name })}</Text>
                        <Button size="sm" variant="secondary">
                          {t("members.removeConfirm", { name: m.name })}
                        </Button>
                      </Form>
                    </details>
                  ) : null}
                </Td>
                <Td>
                  {m.stakeholderGroup ? (
                    <StaffText es={m.stakeholderGroup.nameEs}>{m.stakeholderGroup.name}</StaffText>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td>
                  {m.region ? <StaffText es={m.region.nameEs}>{m.region.name}</StaffText> : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {canInvite ? (
        <Panel
          title={t("members.invite")}
          size="subheading"
          headingId="invite"
          className="max-w-xl"
        >
          {data?.link ? (
            <Notice tone="success" role="status" className="mt-3">
              <p>
                {data.link.emailed
                  ? `${t("members.inviteEmailed", { email: data.link.emailed })} `
                  : ""}
                {t("members.shareLink")}
              </p>
              <input
                aria-label={t("members.inviteLink")}
                readOnly
                value={data.link.url}
                className="mt-2 w-full rounded border border-control bg-surface p-2 font-mono text-small"
                onFocus={(e) => e.currentTarget.select()}
              />
            </Notice>
          ) : null}
          <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="invite" />
            <SelectField label={t("members.role")} field={fields.role} options={roleOptions} />
            <Field
              label={t("members.email")}
              field={fields.email}
              type="email"
              hint={t("members.emailHint")}
            />
            <Field label={t("members.days")} field={fields.days} type="number" />
            <Button pending={pending}>{t("members.createLink")}</Button>
          </Form>
          {invites.length > 0 ? (
            <>
              <Heading level={3} size="minor" className="mt-6">
                {t("members.openInvites")}
              </Heading>
              <ul className="mt-2 space-y-2">
                {invites.map((invite) => (
                  <li key={invite.id} className="flex items-center justify-between gap-2">
                    <span>
                      {[
                        roleName(invite.role),
                        invite.email ?? t("members.anyone"),
                        t("members.used", { times: invite.acceptedCount }),
                        t("members.expires", { date: expiry.format(new Date(invite.expiresAt)) }),
                      ].join(" · ")}
                    </span>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <Button variant="danger">{t("members.revoke")}</Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Panel>
      ) : null}
    </div>
  );
}
