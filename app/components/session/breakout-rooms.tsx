import { useFetcher } from "@remix-run/react";
import { MIN_CELL } from "../../modules/anonymity/small-cells.ts";
import { Button, CsrfInput, FormError } from "../forms.tsx";
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
  areas: { id: string; name: string }[];
};

/**
 * Breakout rooms: members see the room they are in; facilitators add rooms (each gets its own
 * board) and auto-assign members so every room mixes stakeholder groups and regions.
 */
export function BreakoutRooms({ rooms, anonymous, mine, staff, areas }: Props) {
  if (!staff) {
    if (!mine) return null;
    return (
      <section
        aria-labelledby="my-room"
        className="rounded-lg border border-brand-600 bg-brand-50 p-4"
      >
        <h2 id="my-room" className="text-lg font-semibold">
          {`Your breakout room: ${mine.name}`}
        </h2>
        <p>
          {mine.area ? `Area of focus: ${mine.area}. ` : ""}
          {mine.facilitator ? `Facilitator: ${mine.facilitator}. ` : ""}
          {mine.recorder ? `Recorder: ${mine.recorder}. ` : ""}
          Its board is below.
        </p>
      </section>
    );
  }
  return (
    <section
      aria-labelledby="rooms-heading"
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="rooms-heading" className="text-xl font-semibold">
        Breakout rooms
      </h2>
      {rooms.length === 0 ? (
        <p className="text-slate-700">No breakout rooms yet: the whole group works together.</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {rooms.map((room) => (
            <li key={room.id} className="rounded-md border border-slate-300 p-3">
              <p className="font-semibold">{room.name}</p>
              <p className="text-sm text-slate-700">
                {[
                  room.area,
                  room.facilitator && `facilitator ${room.facilitator}`,
                  room.recorder && `recorder ${room.recorder}`,
                ]
                  .filter(Boolean)
                  .join(" · ") || "No area of focus or staff set"}
              </p>
              <p className="mt-1 text-sm">
                {room.members.length === 0
                  ? "No members yet."
                  : `Members: ${room.members.join(", ")}`}
              </p>
              {anonymous && room.people < MIN_CELL ? (
                <p className="mt-1 text-sm font-medium text-amber-900">
                  {`Fewer than ${MIN_CELL} people: ideas cannot be posted on this room's board until it has ${MIN_CELL}, so none can be traced to its author. Its members post on the whole-group board meanwhile.`}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <AutoAssign disabled={rooms.length === 0} />
      <AddRoom staff={staff} areas={areas} />
    </section>
  );
}

function AutoAssign({ disabled }: { disabled: boolean }) {
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
        Auto-assign members (mixing groups and regions)
      </Button>
      <FormError errors={refusal ? [refusal] : null} />
    </fetcher.Form>
  );
}

function AddRoom({ staff, areas }: Pick<Props, "areas"> & { staff: NonNullable<Props["staff"]> }) {
  const fetcher = useFetcher<CommandReply>();
  const refusal = fetcher.data?.intent === "add-room" ? fetcher.data.message : null;
  const select = "mt-1 block w-full rounded-md border border-slate-500 p-2";
  return (
    <details>
      <summary className="cursor-pointer font-medium text-brand-700 underline">
        Add a breakout room
      </summary>
      <fetcher.Form method="post" className="mt-3 grid gap-3 md:grid-cols-2">
        <CsrfInput />
        <input type="hidden" name="intent" value="add-room" />
        <label className="block">
          <span className="font-medium">Room name</span>
          <input name="name" required maxLength={80} className={select} />
        </label>
        <label className="block">
          <span className="font-medium">Area of focus</span>
          <select name="areaOfFocusId" className={select}>
            <option value="">None</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="font-medium">Facilitator</span>
          <select name="facilitatorId" className={select}>
            <option value="">None yet</option>
            {staff.facilitators.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="font-medium">Recorder</span>
          <select name="recorderId" className={select}>
            <option value="">None yet</option>
            {staff.recorders.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <div className="md:col-span-2">
          <Button pending={fetcher.state !== "idle"}>Add room</Button>
          <FormError errors={refusal ? [refusal] : null} />
        </div>
      </fetcher.Form>
    </details>
  );
}
