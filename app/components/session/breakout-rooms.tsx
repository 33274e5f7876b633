import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MIN_CELL } from "../../modules/anonymity/small-cells.ts";
import { Button, CsrfInput, FormError, inputClass, useClearedOnSuccess } from "../forms.tsx";
import { StaffOption } from "../staff-text.tsx";
import { Card, EmptyState, Heading, Notice, summaryClass, Text, TextLink } from "../ui/index.ts";
import type { CommandReply } from "./live-board.tsx";

type Room = {
  id: string;
  name: string;
  area: string | null;
  facilitator: string | null;
  recorder: string | null;
  members: string[];
  people: number;
};

type Props = {
  rooms: Room[];
  /** Boards are anonymous: a room of fewer than MIN_CELL people takes no ideas. */
  anonymous: boolean;
  mine: Room | null;
  staff: {
    facilitators: { id: string; name: string }[];
    recorders: { id: string; name: string }[];
  } | null;
  areas: { id: string; name: string; nameEs?: string | null }[];
  /** For facilitators: the rooms as files a video meeting takes (Zoom's CSV, plain lists). */
  downloads?: { zoom: string; lists: string } | null;
};

/**
 * Breakout rooms: members see the room they are in; facilitators add rooms (each gets its own
 * board) and auto-assign members so every room mixes stakeholder groups and regions.
 */
export function BreakoutRooms({ rooms, anonymous, mine, staff, areas, downloads }: Props) {
  const { t } = useTranslation();
  if (!staff) {
    if (!mine) return null;
    return (
      <Notice as="section" tone="info" aria-labelledby="my-room">
        <Heading level={2} size="subheading" id="my-room">
          {t("rooms.mine", { name: mine.name })}
        </Heading>
        <p>
          {[
            mine.area ? t("rooms.area", { area: mine.area }) : null,
            mine.facilitator ? t("rooms.facilitatorIs", { name: mine.facilitator }) : null,
            mine.recorder ? t("rooms.recorderIs", { name: mine.recorder }) : null,
            t("rooms.boardBelow"),
          ]
            .filter(Boolean)
            .join(" ")}
        </p>
      </Notice>
    );
  }
  return (
    <Card
      as="section"
      aria-labelledby="rooms-heading"
      // A container: two columns of rooms only where the panel itself is wide.
      className="@container space-y-3"
    >
      <Heading level={2} id="rooms-heading">
        {t("rooms.heading")}
      </Heading>
      {rooms.length === 0 ? (
        <EmptyState>{t("rooms.none")}</EmptyState>
      ) : (
        <ul className="grid gap-3 @xl:grid-cols-2">
          {rooms.map((room) => (
            <Card as="li" compact key={room.id}>
              <p className="font-semibold">{room.name}</p>
              <Text tone="muted" size="small">
                {[
                  room.area,
                  room.facilitator && t("rooms.facilitator", { name: room.facilitator }),
                  room.recorder && t("rooms.recorder", { name: room.recorder }),
                ]
                  .filter(Boolean)
                  .join(" · ") || t("rooms.noStaff")}
              </Text>
              <Text size="small" className="mt-1">
                {room.members.length === 0
                  ? t("rooms.noMembers")
                  : t("rooms.members", { names: room.members.join(", ") })}
              </Text>
              {anonymous && room.people < MIN_CELL ? (
                <p className="mt-1 text-small font-medium text-warning">
                  {t("rooms.tooSmall", { min: MIN_CELL })}
                </p>
              ) : null}
            </Card>
          ))}
        </ul>
      )}
      {downloads && rooms.some((room) => room.members.length > 0) ? (
        <Text size="small">
          {`${t("rooms.meeting")} `}
          <TextLink href={downloads.zoom} download>
            {t("rooms.zoomCsv")}
          </TextLink>
          {" · "}
          <TextLink href={downloads.lists} download>
            {t("rooms.lists")}
          </TextLink>
        </Text>
      ) : null}
      <AutoAssign disabled={rooms.length === 0} />
      <AddRoom staff={staff} areas={areas} />
    </Card>
  );
}

function AutoAssign({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  const refusal = fetcher.data?.intent === "auto-assign" ? fetcher.data.message : null;
  return (
    <fetcher.Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="auto-assign" />
      <Button
        variant="secondary"
        aria-disabled={disabled || undefined}
        pending={fetcher.state !== "idle"}
      >
        {t("rooms.autoAssign")}
      </Button>
      <FormError errors={refusal ? [refusal] : null} />
    </fetcher.Form>
  );
}

function AddRoom({ staff, areas }: Pick<Props, "areas"> & { staff: NonNullable<Props["staff"]> }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<CommandReply>();
  const refusal = fetcher.data?.intent === "add-room" ? fetcher.data.message : null;
  const form = useClearedOnSuccess(fetcher, "add-room");
  const select = inputClass;
  return (
    <details>
      <summary className={summaryClass("link")}>{t("rooms.add")}</summary>
      <fetcher.Form ref={form} method="post" className="mt-3 grid gap-3 md:grid-cols-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="add-room" />
        <label className="block">
          <span className="font-medium">{t("rooms.name")}</span>
          <input name="name" required maxLength={80} className={select} />
        </label>
        <label className="block">
          <span className="font-medium">{t("rooms.areaLabel")}</span>
          <select name="areaOfFocusId" className={select}>
            <option value="">{t("rooms.noArea")}</option>
            {areas.map((a) => (
              <StaffOption key={a.id} value={a.id} choice={a} />
            ))}
          </select>
        </label>
        <label className="block">
          <span className="font-medium">{t("rooms.facilitatorLabel")}</span>
          <select name="facilitatorId" className={select}>
            <option value="">{t("rooms.noneYet")}</option>
            {staff.facilitators.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="font-medium">{t("rooms.recorderLabel")}</span>
          <select name="recorderId" className={select}>
            <option value="">{t("rooms.noneYet")}</option>
            {staff.recorders.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <div className="md:col-span-2">
          <Button pending={fetcher.state !== "idle"}>{t("rooms.addRoom")}</Button>
          <FormError errors={refusal ? [refusal] : null} />
        </div>
      </fetcher.Form>
    </details>
  );
}
