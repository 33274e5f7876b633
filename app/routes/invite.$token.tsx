import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CsrfInput, SelectField, useZodForm } from "../components/forms.tsx";
import { StaffText } from "../components/staff-text.tsx";
import { Heading, TextLink } from "../components/ui/index.ts";
import { getUser, readForm, requireUser } from "../modules/auth/auth-session.server.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { staffChoice } from "../modules/i18n/staff-text.ts";
import { titleIn, translated } from "../modules/i18n/use-locale.ts";
import { acceptInvite, findOpenInvite } from "../modules/work-group/members.server.ts";
import { joinSchema } from "../modules/work-group/schema.ts";
import { parseSubmission } from "../utils/form-fields.ts";

export const handle = translated;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const invite = await findOpenInvite(context, params.token ?? "");
  const user = await getUser(context, request);
  const path = new URL(request.url).pathname;
  if (!invite) return json({ invite: null, signedIn: !!user, path }, { status: 410 });
  const { workGroup } = invite;
  return json({
    signedIn: !!user,
    path,
    invite: {
      role: invite.role,
      workGroup: {
        name: workGroup.name,
        purpose: workGroup.purpose,
        purposeEs: workGroup.purposeEs,
        stakeholderGroups: workGroup.stakeholderGroups,
        regions: workGroup.regions,
      },
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const form = await readForm(context, request);
  const submission = parseSubmission(form, joinSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await acceptInvite(context, user, params.token ?? "", submission.value);
  if (!result.ok)
    return json(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), {
      status: 400,
    });
  return redirect(`/work-groups/${result.slug}`);
}

export default function AcceptInvite() {
  const { invite, signedIn, path } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(joinSchema, lastResult);
  const { t, i18n } = useTranslation();
  if (!invite) {
    return (
      <div className="mx-auto max-w-md">
        <Heading level={1}>{t("invite.gone")}</Heading>
        <p className="mt-4">{t("invite.goneHint")}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <Heading level={1}>{t("invite.heading", { workGroup: invite.workGroup.name })}</Heading>
      <p>{t("invite.as", { role: t(`role.${invite.role}` as MessageKey) })}</p>
      {invite.workGroup.purpose ? (
        <p className="text-ink">
          <StaffText es={invite.workGroup.purposeEs}>{invite.workGroup.purpose}</StaffText>
        </p>
      ) : null}
      {signedIn ? (
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <CsrfInput />
          <SelectField
            label={t("invite.group")}
            field={fields.stakeholderGroupId}
            placeholder={t("invite.chooseGroup")}
            options={invite.workGroup.stakeholderGroups.map((g) =>
              staffChoice(i18n.language, g.id, g),
            )}
          />
          {invite.workGroup.regions.length > 0 ? (
            <SelectField
              label={t("invite.region")}
              field={fields.regionId}
              placeholder={t("invite.chooseRegion")}
              options={invite.workGroup.regions.map((r) => staffChoice(i18n.language, r.id, r))}
            />
          ) : null}
          <Button pending={pending}>{t("invite.join")}</Button>
        </Form>
      ) : (
        <p className="flex gap-4">
          <TextLink href={`/signup?redirectTo=${encodeURIComponent(path)}`}>
            {t("invite.signUp")}
          </TextLink>
          <TextLink href={`/login?redirectTo=${encodeURIComponent(path)}`}>
            {t("auth.signIn")}
          </TextLink>
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: titleIn(matches, "invite.title") }];
