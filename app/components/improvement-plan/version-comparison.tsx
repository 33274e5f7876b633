import type { ReactNode } from "react";
import type { MessageKey } from "../../modules/i18n/en.ts";
import { usePageT } from "../../modules/i18n/use-locale.ts";
import { planFormats } from "../../modules/improvement-plan/format.ts";
import type { VersionRef } from "../../modules/improvement-plan/review-schema.ts";
import {
  type Added,
  type FieldChange,
  type PlanComparison,
  wordChanges,
} from "../../modules/improvement-plan/versions.ts";
import { StaffText } from "../staff-text.tsx";
import { Card, Heading, Tag, Text } from "../ui/index.ts";

type Side = {
  ref: VersionRef;
  version: { number: number; note: string; createdAt: string; byName: string | null } | null;
};

/**
 * What changed between two versions of a plan, as people read a marked-up copy: each changed
 * field with the first version on the left and the second on the right (stacked on a phone),
 * words taken out struck through and words put in underlined; goals, measures and action
 * steps added, removed or changed.
 */
export function VersionComparison({
  from,
  to,
  comparison,
}: {
  from: Side;
  to: Side;
  comparison: PlanComparison;
}) {
  const { t, language } = usePageT();
  const formats = planFormats(language);
  const name = (side: Side) =>
    side.version
      ? t("planReview.versionOption", { number: side.version.number })
      : t("planReview.current");
  const names = { before: name(from), after: name(to) };
  const { goals } = comparison;
  return (
    <div className="space-y-8">
      <div className="grid gap-3 md:grid-cols-2">
        {[from, to].map((side) => (
          <Card key={String(side.ref)}>
            <Heading level={2} size="subheading">
              {name(side)}
            </Heading>
            {side.version ? (
              <>
                <Text tone="muted">
                  {t("planReview.versionBy", {
                    date: formats.date(side.version.createdAt.slice(0, 10)),
                    name: side.version.byName ?? t("planReview.someone"),
                  })}
                </Text>
                <p className="whitespace-pre-line">
                  <StaffText>{side.version.note}</StaffText>
                </p>
              </>
            ) : (
              <Text tone="muted">{t("planReview.currentHint")}</Text>
            )}
          </Card>
        ))}
      </div>

      {comparison.same ? (
        <Card as="p" role="status">
          {t("planReview.nothingChanged")}
        </Card>
      ) : (
        <Card as="p" role="status">
          {(
            [
              ["planReview.diff.fieldsChanged", comparison.plan.length],
              ["planReview.diff.goalsAdded", goals.added.length],
              ["planReview.diff.goalsRemoved", goals.removed.length],
              ["planReview.diff.goalsChanged", goals.changed.length],
            ] as const
          )
            // Only what did change: "0 goals removed" is a line to read for nothing.
            .filter(([, count]) => count > 0)
            .map(([key, count]) => t(key, { count }))
            .join(" · ")}
        </Card>
      )}

      {comparison.plan.length > 0 ? (
        <section aria-labelledby="diff-plan" className="space-y-3">
          <Heading level={2} id="diff-plan">
            {t("plans.components")}
          </Heading>
          {comparison.plan.map((change) => (
            <Change key={change.field} change={change} names={names} />
          ))}
        </section>
      ) : null}

      {goals.added.length + goals.removed.length + goals.changed.length > 0 ? (
        <section aria-labelledby="diff-goals" className="space-y-4">
          <Heading level={2} id="diff-goals">
            {t("plans.goals")}
          </Heading>
          {goals.added.map((goal) => (
            <Item key={goal.id} tag="added" title={goal.title}>
              {goal.smartGoal ? (
                <p className="whitespace-pre-line">
                  <StaffText>{goal.smartGoal}</StaffText>
                </p>
              ) : null}
              <Text tone="muted">
                {[
                  t("plans.measuresCount", { count: goal.measures.length }),
                  t("planReview.diff.steps", { count: goal.steps.length }),
                ].join(" · ")}
              </Text>
            </Item>
          ))}
          {goals.removed.map((goal) => (
            <Item key={goal.id} tag="removed" title={goal.title} />
          ))}
          {goals.changed.map((goal) => (
            <Item key={goal.item.id} tag="changed" title={goal.item.title}>
              {goal.fields.map((change) => (
                <Change key={change.field} change={change} names={names} />
              ))}
              <Parts
                heading={t("plans.measures")}
                parts={goal.measures}
                label={(m) => m.name}
                names={names}
              />
              <Parts
                heading={t("plans.steps")}
                parts={goal.steps}
                label={(s) => s.description}
                names={names}
              />
            </Item>
          ))}
        </section>
      ) : null}
    </div>
  );
}

const TAG_TONES = { added: "success", removed: "danger", changed: "neutral" } as const;

function ChangeTag({ tag }: { tag: keyof typeof TAG_TONES }) {
  const { t } = usePageT();
  return <Tag tone={TAG_TONES[tag]}>{t(`planReview.diff.${tag}` as MessageKey)}</Tag>;
}

function Item({
  tag,
  title,
  children,
}: {
  tag: keyof typeof TAG_TONES;
  title: string;
  children?: ReactNode;
}) {
  return (
    <Card as="article" className="space-y-3">
      <Heading level={3} className="flex flex-wrap items-center gap-2">
        <ChangeTag tag={tag} />
        <StaffText>{title}</StaffText>
      </Heading>
      {children}
    </Card>
  );
}

function Parts<T extends { id: string }>({
  heading,
  parts,
  label,
  names,
}: {
  heading: string;
  parts: Added<T>;
  label: (part: T) => string;
  names: { before: string; after: string };
}) {
  if (parts.added.length + parts.removed.length + parts.changed.length === 0) return null;
  return (
    <div className="space-y-2">
      <Heading level={4}>{heading}</Heading>
      <ul className="space-y-2">
        {parts.added.map((part) => (
          <li key={part.id} className="flex flex-wrap items-center gap-2">
            <ChangeTag tag="added" />
            <StaffText>{label(part)}</StaffText>
          </li>
        ))}
        {parts.removed.map((part) => (
          <li key={part.id} className="flex flex-wrap items-center gap-2">
            <ChangeTag tag="removed" />
            <StaffText>{label(part)}</StaffText>
          </li>
        ))}
        {parts.changed.map(({ item, fields }) => (
          <li key={item.id} className="space-y-2">
            <p className="flex flex-wrap items-center gap-2">
              <ChangeTag tag="changed" />
              <StaffText>{label(item)}</StaffText>
            </p>
            {fields.map((change) => (
              <Change key={change.field} change={change} names={names} />
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One changed field: its name, then the two versions of it side by side. */
function Change({
  change,
  names,
}: {
  change: FieldChange;
  names: { before: string; after: string };
}) {
  const { t, language } = usePageT();
  const formats = planFormats(language);
  const shown = (value: string) => {
    if (!value) return null;
    if (change.kind === "date") return formats.date(value);
    if (change.kind === "number") return formats.number(Number(value));
    if (change.kind === "horizon") return t(`plans.horizon.${value}` as MessageKey);
    return value;
  };
  const words = change.kind === "text" ? wordChanges(change.before, change.after) : null;
  const column = (side: "before" | "after") => {
    const value = change[side];
    return (
      <Card compact>
        <Text tone="muted" size="small" className="font-medium">
          {names[side]}
        </Text>
        {!value ? (
          <Text tone="muted" className="italic">
            {change.kind === "text"
              ? t("plans.notWritten")
              : change.field === "plans.step.completedOnLabel"
                ? t("plans.step.open")
                : t("planReview.diff.none")}
          </Text>
        ) : words ? (
          <p className="whitespace-pre-line">
            {words[side].map((piece, index) =>
              piece.change === "same" ? (
                <StaffText key={index}>{piece.text}</StaffText>
              ) : piece.change === "removed" ? (
                <del key={index} className="bg-red-100 text-danger">
                  <StaffText>{piece.text}</StaffText>
                </del>
              ) : (
                <ins key={index} className="bg-emerald-100 text-success">
                  <StaffText>{piece.text}</StaffText>
                </ins>
              ),
            )}
          </p>
        ) : (
          <p>{shown(value)}</p>
        )}
      </Card>
    );
  };
  return (
    <div className="space-y-1">
      <p className="font-medium">{t(change.field as MessageKey)}</p>
      <div className="grid gap-2 md:grid-cols-2">
        {column("before")}
        {column("after")}
      </div>
    </div>
  );
}
