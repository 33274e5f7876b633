import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MIN_CELL } from "../../modules/anonymity/small-cells.ts";
import { Button, CsrfInput, FormError, useClearedOnSuccess } from "../forms.tsx";
import { StaffOption } from "../staff-text.tsx";
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
      <section
        aria-labelledby="my-room"
        className="rounded-lg border border-brand-600 bg-brand-50 p-4"
      >
        <h2 id="my-room" className="text-lg font-semibold">
          {t("rooms.mine", { name: mine.name })}
        </h2>
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
      </section>
    );
  }
  return (
    <section
      aria-labelledby="rooms-heading"
      // A container: two columns of rooms only where the panel itself is wide.
      className="@container space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="rooms-heading" className="text-xl font-semibold">
        {t("rooms.heading")}
      </h2>
      {rooms.length === 0 ? (
        <p className="text-slate-700">{t("rooms.none")}</p>
      ) : (
        <ul className="grid gap-3 @xl:grid-cols-2">
          {rooms.map((room) => (
            <li key={room.id} className="rounded-md border border-slate-300 p-3">
              <p className="font-semibold">{room.name}</p>
              <p className="text-sm text-slate-700">
                {[
                  room.area,
                  room.facilitator && t("rooms.facilitator", { name: room.facilitator }),
                  room.recorder && t("rooms.recorder", { name: room.recorder }),
                ]
                  .filter(Boolean)
                  .join(" · ") || t("rooms.noStaff")}
              </p>
              <p className="mt-1 text-sm">
                {room.members.length === 0
                  ? t("rooms.noMembers")
                  : t("rooms.members", { names: room.members.join(", ") })}
              </p>
              {anonymous && room.people < MIN_CELL ? (
                <p className="mt-1 text-sm font-medium text-amber-900">
                  {t("rooms.tooSmall", { min: MIN_CELL })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {downloads && rooms.some((room) => room.members.length > 0) ? (
        <p className="text-sm">
          {`${t("rooms.meeting")} `}
          <a className="text-brand-700 underline" href={downloads.zoom} download>
            {t("rooms.zoomCsv")}
          </a>
          {" · "}
          <a className="text-brand-700 underline" href={downloads.lists} download>
            {t("rooms.lists")}
          </a>
        </p>
      ) : null}
      <AutoAssign disabled={rooms.length === 0} />
      <AddRoom staff={staff} areas={areas} />
    </section>
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
  const select = "mt-1 block w-full rounded-md border border-slate-500 p-2";
  return (
    <details>
      <summary className="cursor-pointer font-medium text-brand-700 underline">
        {t("rooms.add")}
      </summary>
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
