import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { boardColumns } from "../modules/board/knoster.ts";
import type { MessageKey } from "../modules/i18n/en.ts";
import { DEFAULT_STAKEHOLDER_GROUPS } from "../modules/work-group/defaults.ts";
import { Field, TextareaField } from "./forms.tsx";
import { Card, Legend, Text } from "./ui/index.ts";

type Fields = Record<
  | "name"
  | "purpose"
  | "purposeEs"
  | "essentialQuestions"
  | "essentialQuestionsEs"
  | "areasOfFocus"
  | "areasOfFocusEs"
  | "stakeholderGroups"
  | "stakeholderGroupsEs"
  | "regions"
  | "regionsEs"
  | "workPhases",
  FieldMetadata<unknown>
>;

/**
 * A work group's details, as one set of fields for adding a work group and for its settings.
 * `editing` adds what a change to an existing group means for its members. The lists a new
 * work group starts with (stakeholder groups, phases of the work) are its staff's words, in
 * English, as staff write them.
 */
export function WorkGroupFields({
  fields,
  editing,
  consensusColumn,
  namedBoards,
  prompts,
  promptsEs,
}: {
  fields: Fields;
  editing: boolean;
  consensusColumn: boolean;
  namedBoards: boolean;
  /** On Settings: the prompt field of each board column. */
  prompts?: Record<string, FieldMetadata<unknown>>;
  /** On Settings: the Spanish prompt field of each board column. */
  promptsEs?: Record<string, FieldMetadata<unknown>>;
}) {
  const { t } = useTranslation();
  const clears = editing ? ` ${t("workGroupForm.clears")}` : "";
  return (
    <>
      <Field
        label={t("workGroupForm.name")}
        field={fields.name}
        hint={t("workGroupForm.nameHint")}
      />
      <TextareaField
        label={t("workGroupForm.charge")}
        field={fields.purpose}
        hint={t("workGroupForm.chargeHint")}
        rows={3}
      />
      <TextareaField
        label={t("workGroupForm.chargeEs")}
        field={fields.purposeEs}
        hint={t("workGroupForm.spanishHint")}
        rows={3}
        lang="es"
      />
      <TextareaField
        label={t("workGroupForm.questions")}
        field={fields.essentialQuestions}
        hint={t("workGroupForm.onePerLine")}
        rows={4}
      />
      <TextareaField
        label={t("workGroupForm.questionsEs")}
        field={fields.essentialQuestionsEs}
        hint={t("workGroupForm.spanishLinesHint")}
        rows={4}
        lang="es"
      />
      <TextareaField
        label={t("workGroupForm.areas")}
        field={fields.areasOfFocus}
        hint={t("workGroupForm.areasHint")}
        rows={4}
      />
      <TextareaField
        label={t("workGroupForm.areasEs")}
        field={fields.areasOfFocusEs}
        hint={t("workGroupForm.spanishLinesHint")}
        rows={4}
        lang="es"
      />
      <TextareaField
        label={t("workGroupForm.groups")}
        field={fields.stakeholderGroups}
        hint={`${t("workGroupForm.groupsHint")}${clears}`}
        rows={7}
        defaultValue={editing ? undefined : DEFAULT_STAKEHOLDER_GROUPS.join("\n")}
      />
      <TextareaField
        label={t("workGroupForm.groupsEs")}
        field={fields.stakeholderGroupsEs}
        hint={t("workGroupForm.spanishLinesHint")}
        rows={7}
        lang="es"
      />
      <TextareaField
        label={t("workGroupForm.regions")}
        field={fields.regions}
        hint={`${t("workGroupForm.regionsHint")}${clears}`}
        rows={4}
      />
      <TextareaField
        label={t("workGroupForm.regionsEs")}
        field={fields.regionsEs}
        hint={t("workGroupForm.spanishLinesHint")}
        rows={4}
        lang="es"
      />
      <TextareaField
        label={t("workGroupForm.phases")}
        field={fields.workPhases}
        hint={t("workGroupForm.phasesHint")}
        rows={3}
        defaultValue={editing ? undefined : "Study\nPlanning"}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="consensusColumn" defaultChecked={consensusColumn} />
        {t("workGroupForm.consensus")}
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="namedBoards" defaultChecked={namedBoards} />
        {t("workGroupForm.namedBoards")}
      </label>
      {prompts ? (
        <Card as="fieldset" compact className="space-y-3">
          <Legend className="px-1">{t("prompts.legend")}</Legend>
          <Text tone="muted" size="small">
            {t("prompts.hint")}
          </Text>
          {boardColumns(true).map((column) =>
            prompts[column.key] ? (
              <div key={column.key} className="space-y-2">
                <Field
                  label={t(`knoster.${column.key}` as MessageKey)}
                  field={prompts[column.key]!}
                  hint={t("prompts.default", {
                    prompt: t(`knosterPrompt.${column.key}` as MessageKey),
                  })}
                />
                {promptsEs?.[column.key] ? (
                  <Field
                    label={t("prompts.spanish", {
                      column: t(`knoster.${column.key}` as MessageKey),
                    })}
                    field={promptsEs[column.key]!}
                    hint={t("prompts.spanishHint")}
                    lang="es"
                  />
                ) : null}
              </div>
            ) : null,
          )}
        </Card>
      ) : null}
    </>
  );
}
