import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Button,
  CsrfInput,
  Field,
  FormError,
  SelectField,
  useZodForm,
} from "../components/forms.tsx";
import { readForm } from "../modules/auth/auth-session.server.ts";
import {
  changeRole,
  createInvite,
  getMembersPage,
  removeMember,
  revokeInvite,
} from "../modules/work-group/members.server.ts";
import { can, mayInviteAs, ROLES, roleLabels } from "../modules/work-group/roles.ts";
import { changeRoleSchema, inviteSchema } from "../modules/work-group/schema.ts";
import { requireMember, requirePermission } from "../modules/work-group/work-group.server.ts";
import { parseSubmission } from "../utils/form-fields.ts";
import { http } from "../utils/http.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

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
  const roleOptions = ROLES.filter((r) => mayInviteAs(myRole, r)).map((r) => ({
    value: r,
    label: roleLabels[r],
  }));
  return (
    <div className="space-y-10">
      <section aria-labelledby="representation">
        <h1 id="representation" className="text-xl font-semibold">
          Representation
        </h1>
        <p className="mt-1 text-slate-700">
          Members by stakeholder group and region.{" "}
          {rep.emptyCells > 0
            ? `${rep.emptyCells} empty cell${rep.emptyCells === 1 ? "" : "s"} marked “none”.`
            : "Every cell is filled."}
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full border-collapse bg-white text-sm">
            <caption className="sr-only">
              Members by stakeholder group (rows) and region (columns)
            </caption>
            <thead>
              <tr>
                <th scope="col" className="border border-slate-300 p-2 text-left">
                  Stakeholder group
                </th>
                {rep.regions.map((r) => (
                  <th key={r.id} scope="col" className="border border-slate-300 p-2">
                    {r.name}
                  </th>
                ))}
                <th scope="col" className="border border-slate-300 p-2">
                  {rep.regions.length ? "No region" : "Members"}
                </th>
                <th scope="col" className="border border-slate-300 p-2">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {rep.groups.map((g, gi) => (
                <tr key={g.id}>
                  <th scope="row" className="border border-slate-300 p-2 text-left font-medium">
                    {g.name}
                  </th>
                  {rep.counts[gi]!.map((count, ri) => {
                    const isRegion = ri < rep.regions.length || rep.regions.length === 0;
                    const empty = isRegion && count === 0;
                    return (
                      <td
                        key={rep.regions[ri]?.id ?? "none"}
                        className={`border border-slate-300 p-2 text-center ${empty ? "bg-amber-100 font-semibold text-amber-900" : ""}`}
                      >
                        {empty ? "none" : count}
                      </td>
                    );
                  })}
                  <td className="border border-slate-300 p-2 text-center font-semibold">
                    {rep.groupTotals[gi]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rep.unassigned > 0 ? (
          <p className="mt-2 text-sm">
            {rep.unassigned} member(s) have not said which group they represent.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="members">
        <h2 id="members" className="text-xl font-semibold">
          Members ({members.length})
        </h2>
        <FormError errors={data?.message ? [data.message] : null} />
        {data && "removed" in data && data.removed ? (
          <p role="status" className="mt-2 rounded-md border border-green-700 bg-green-50 p-3">
            {`${data.removed} was removed from the work group and signed out of its live pages. To undo, invite them again.`}
          </p>
        ) : null}
        <table className="mt-3 min-w-full border-collapse bg-white text-sm">
          <thead>
            <tr>
              {["Name", "Role", "Stakeholder group", "Region"].map((h) => (
                <th key={h} scope="col" className="border border-slate-300 p-2 text-left">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td className="border border-slate-300 p-2">{m.name}</td>
                <td className="border border-slate-300 p-2">
                  {canManage ? (
                    <Form method="post" className="flex items-center gap-2">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <select
                        name="role"
                        defaultValue={m.role}
                        aria-label={`Role of ${m.name}`}
                        className="rounded-md border border-slate-500 p-1"
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleLabels[r]}
                          </option>
                        ))}
                      </select>
                      <Button variant="secondary" className="px-2 py-1 text-sm">
                        Change
                      </Button>
                    </Form>
                  ) : (
                    (roleLabels[m.role as keyof typeof roleLabels] ?? m.role)
                  )}
                  {canManage ? (
                    // Removing someone is not undone by a click: it asks first.
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-brand-700 underline">
                        Remove…<span className="sr-only">{` ${m.name}`}</span>
                      </summary>
                      <Form method="post" className="mt-2 space-y-2">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <p className="text-sm">
                          {`${m.name} loses access to this work group at once. What they posted stays.`}
                        </p>
                        <Button variant="secondary" className="px-2 py-1 text-sm">
                          {`Yes, remove ${m.name}`}
                        </Button>
                      </Form>
                    </details>
                  ) : null}
                </td>
                <td className="border border-slate-300 p-2">{m.stakeholderGroup ?? "—"}</td>
                <td className="border border-slate-300 p-2">{m.region ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {canInvite ? (
        <section
          aria-labelledby="invite"
          className="max-w-xl rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="invite" className="text-lg font-semibold">
            Invite members
          </h2>
          {data?.link ? (
            <div role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3">
              <p>
                {data.link.emailed ? `Invite emailed to ${data.link.emailed}. ` : ""}Share this
                link; it works until it expires or you revoke it:
              </p>
              <input
                aria-label="Invite link"
                readOnly
                value={data.link.url}
                className="mt-2 w-full rounded border border-slate-500 bg-white p-2 font-mono text-sm"
                onFocus={(e) => e.currentTarget.select()}
              />
            </div>
          ) : null}
          <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="invite" />
            <SelectField label="Role" field={fields.role} options={roleOptions} />
            <Field
              label="Email (optional)"
              field={fields.email}
              type="email"
              hint="With an address the link is also emailed, and only that person can use it."
            />
            <Field label="Link works for (days)" field={fields.days} type="number" />
            <Button pending={pending}>Create invite link</Button>
          </Form>
          {invites.length > 0 ? (
            <>
              <h3 className="mt-6 font-semibold">Open invites</h3>
              <ul className="mt-2 space-y-2">
                {invites.map((invite) => (
                  <li key={invite.id} className="flex items-center justify-between gap-2">
                    <span>
                      {roleLabels[invite.role as keyof typeof roleLabels] ?? invite.role}
                      {invite.email ? ` · ${invite.email}` : " · anyone with the link"} · used{" "}
                      {invite.acceptedCount}× · expires{" "}
                      {/* One time zone on server and browser, or hydration fails where the
                          dates differ. */}
                      {new Date(invite.expiresAt).toLocaleDateString("en-US", {
                        dateStyle: "medium",
                        timeZone: "UTC",
                      })}{" "}
                      (UTC)
                    </span>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <Button variant="danger">Revoke</Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
