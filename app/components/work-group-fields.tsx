import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { boardColumns, defaultPrompt } from "../modules/board/knoster.ts";
import { DEFAULT_STAKEHOLDER_GROUPS } from "../modules/work-group/defaults.ts";
import { Field, TextareaField } from "./forms.tsx";

type Fields = Record<
  | "name"
  | "purpose"
  | "essentialQuestions"
  | "areasOfFocus"
  | "stakeholderGroups"
  | "regions"
  | "workPhases",
  FieldMetadata<unknown>
>;

/**
 * A work group's details, as one set of fields for adding a work group and for its settings.
 * `editing` adds what a change to an existing group means for its members.
 */
export function WorkGroupFields({
  fields,
  editing,
  consensusColumn,
  namedBoards,
  prompts,
}: {
  fields: Fields;
  editing: boolean;
  consensusColumn: boolean;
  namedBoards: boolean;
  /** On Settings: the prompt field of each board column. */
  prompts?: Record<string, FieldMetadata<unknown>>;
}) {
  const { t } = useTranslation();
  const clears = editing ? " Removing one clears it from the members who chose it." : "";
  return (
    <>
      <Field
        label="Name"
        field={fields.name}
        hint="For example: Success-Ready Students Work Group"
      />
      <TextareaField
        label="Charge"
        field={fields.purpose}
        hint="What the work group is asked to do."
        rows={3}
      />
      <TextareaField
        label="Essential questions"
        field={fields.essentialQuestions}
        hint="One per line."
        rows={4}
      />
      <TextareaField
        label="Areas of focus"
        field={fields.areasOfFocus}
        hint="One per line, e.g. Assessment for Learning. Each can have its own board."
        rows={4}
      />
      <TextareaField
        label="Stakeholder groups"
        field={fields.stakeholderGroups}
        hint={`One per line. Members say which group they represent.${clears}`}
        rows={7}
        defaultValue={editing ? undefined : DEFAULT_STAKEHOLDER_GROUPS.join("\n")}
      />
      <TextareaField
        label="Regions"
        field={fields.regions}
        hint={`One per line (optional).${clears}`}
        rows={4}
      />
      <TextareaField
        label="Phases of the work"
        field={fields.workPhases}
        hint="One per line, e.g. Study and Planning. Each session belongs to one."
        rows={3}
        defaultValue={editing ? undefined : "Study\nPlanning"}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="consensusColumn" defaultChecked={consensusColumn} />
        Add a Consensus column to boards, after the five Knoster elements
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="namedBoards" defaultChecked={namedBoards} />
        Named boards: show who posted each idea from now on (ideas already posted keep the anonymity
        they were posted with)
      </label>
      {prompts ? (
        <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("prompts.legend")}</legend>
          <p className="text-sm text-slate-700">{t("prompts.hint")}</p>
          {boardColumns(true).map((column) =>
            prompts[column.key] ? (
              <Field
                key={column.key}
                label={column.label}
                field={prompts[column.key]!}
                hint={t("prompts.default", { prompt: defaultPrompt(column.key) })}
              />
            ) : null,
          )}
        </fieldset>
      ) : null}
    </>
  );
}
