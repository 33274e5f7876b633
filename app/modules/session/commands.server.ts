import type { SubmissionResult } from "@conform-to/react";
import { type ZodType, z } from "zod";
import type { AppContext } from "../../utils/app-context.ts";
import { parseSubmission } from "../../utils/form-fields.ts";
import { attempt, http, say, sayMessage, sayRefusal } from "../../utils/http.server.ts";
import type { SignedInPerson } from "../auth/auth-session.server.ts";
import { editIdea, postIdea, setIdeaHidden, withdrawIdea } from "../board/board.server.ts";
import { rateIdea } from "../board/ratings.server.ts";
import {
  editIdeaSchema,
  hideIdeaSchema,
  ideaIdSchema,
  openBoardSchema,
  postIdeaSchema,
  rateIdeaSchema,
} from "../board/schema.ts";
import { addBreakoutRoom, autoAssignRooms } from "../breakout-room/breakout-room.server.ts";
import { breakoutRoomSchema } from "../breakout-room/schema.ts";
import type { SayKey } from "../i18n/en.ts";
import type { Locale } from "../i18n/i18n.ts";
import { can, type Permission } from "../work-group/roles.ts";
import type { WorkGroupAccess } from "../work-group/work-group.server.ts";
import {
  addAgendaItem,
  editAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  setCurrentAgendaItem,
} from "./agenda.server.ts";
import { announce, BRING_BACK_MESSAGE } from "./announcements.server.ts";
import { removeGuest, type SessionAccess, setGuestsAllowed } from "./guests.server.ts";
import { changePhase } from "./phases.server.ts";
import {
  agendaEditSchema,
  agendaItemSchema,
  agendaMoveSchema,
  agendaRestoreSchema,
  announcementSchema,
  changePhaseSchema,
  guestsSettingSchema,
  meetingLinkSchema,
  removeGuestSchema,
} from "./schema.ts";
import { openBoard, setMeetingUrl } from "./session.server.ts";

/**
 * The commands a live session's page sends, as one table: for each, who may send it, what its
 * form must hold, and what it does. runSessionCommand checks the permission, validates the
 * form and acts; every refusal, thrown by a service or returned, comes back as one outcome the
 * page shows beside the control that sent it, never as an error page. Phases are checked by
 * the services themselves, inside the transaction that acts (an idea posted as Brainstorm
 * closes is refused there, not here where the phase could change a moment later).
 */

type Actor<Access = SessionAccess> = {
  ctx: AppContext;
  user: SignedInPerson;
  access: Access;
  sessionId: string;
};

/** What a command's success tells the page, besides "done". */
type Done = { boardId?: string | null; ideaId?: string; removed?: unknown };

type Command<S extends ZodType, Access = WorkGroupAccess> = {
  /** A work-group permission; guests hold only idea:post and idea:rate. */
  permission: Permission;
  /** Whether a guest of the session may send it at all (participant commands). */
  forGuests?: boolean;
  /** What a role without the permission is told, naming the role (default: "does not allow that"). */
  notAllowed?: SayKey;
  schema: S;
  /** Said when the form does not parse and the command has no fields to mark. */
  invalid?: SayKey;
  /** Replies with the form's submission (field errors, or reset on success). */
  keepsForm?: boolean;
  run(
    actor: Actor<Access>,
    value: z.infer<S>,
    sent: { intent: string; boardId: string },
  ): Promise<Done | undefined>;
};

/** A command of the work group's staff: it acts with their membership. */
const command = <S extends ZodType>(c: Command<S>) => c as Command<S, unknown>;
/** A command any participant sends, guests included (their own ideas and ratings). */
const participant = <S extends ZodType>(c: Command<S, SessionAccess>) =>
  ({ ...c, forGuests: true }) as Command<S, unknown>;

/**
 * A service that answers { ok: false, message } instead of throwing: its refusal, thrown the
 * way the others throw theirs, so the runner has one way to catch them.
 */
function orRefuse<T extends { ok: boolean }>(status: number, result: T) {
  if (!result.ok) {
    const message = "message" in result && typeof result.message === "string" ? result.message : "";
    throw http(status, message);
  }
  return result as Extract<T, { ok: true }>;
}

/** Commands that carry nothing but their intent. */
const nothing = z.object({});

const agendaMoves = command({
  permission: "session:facilitate",
  schema: agendaMoveSchema,
  invalid: "session.errors.chooseAgendaItem",
  async run({ ctx, user, access, sessionId }, { itemId, direction }, { intent }) {
    if (intent === "move-agenda-item") {
      await moveAgendaItem(ctx, access, sessionId, itemId, direction ?? "up");
      return undefined;
    }
    if (intent === "remove-agenda-item") {
      return { removed: (await removeAgendaItem(ctx, user, access, sessionId, itemId)) ?? null };
    }
    await setCurrentAgendaItem(ctx, access, sessionId, itemId);
    return undefined;
  },
});

const announcement = (message: string | null) =>
  command({
    permission: "session:facilitate",
    schema: nothing,
    async run({ ctx, user, access, sessionId }) {
      await announce(ctx, user, access, sessionId, message);
      return undefined;
    },
  });

export const SESSION_COMMANDS = {
  "post-idea": participant({
    permission: "idea:post",
    notAllowed: "session.errors.cannotPost",
    schema: postIdeaSchema,
    keepsForm: true,
    async run({ ctx, user }, value, { boardId }) {
      // The idea's id tells the poster's page which idea is theirs, to edit or withdraw at once.
      const posted = await postIdea(ctx, user, boardId, value);
      return { boardId, ideaId: posted.id };
    },
  }),
  "edit-idea": participant({
    permission: "idea:post",
    schema: editIdeaSchema,
    async run({ ctx, user }, { ideaId, ...idea }) {
      await editIdea(ctx, user, ideaId, idea);
      return undefined;
    },
  }),
  "withdraw-idea": participant({
    permission: "idea:post",
    schema: ideaIdSchema,
    invalid: "session.errors.chooseIdea",
    async run({ ctx, user }, { ideaId }) {
      await withdrawIdea(ctx, user, ideaId);
      return undefined;
    },
  }),
  "show-idea": command({
    permission: "session:facilitate",
    schema: ideaIdSchema,
    invalid: "session.errors.chooseIdea",
    async run({ ctx, user }, { ideaId }) {
      await setIdeaHidden(ctx, user, ideaId, { hidden: false });
      return undefined;
    },
  }),
  "hide-idea": command({
    permission: "session:facilitate",
    schema: hideIdeaSchema,
    invalid: "session.errors.sayWhyHidden",
    async run({ ctx, user }, { ideaId, reason }) {
      await setIdeaHidden(ctx, user, ideaId, { hidden: true, reason });
      return undefined;
    },
  }),
  rate: participant({
    permission: "idea:rate",
    notAllowed: "session.errors.cannotRate",
    schema: rateIdeaSchema,
    invalid: "session.errors.chooseStars",
    async run({ ctx, user }, value) {
      await rateIdea(ctx, user, value);
      return undefined;
    },
  }),
  "meeting-link": command({
    permission: "session:facilitate",
    schema: meetingLinkSchema,
    keepsForm: true,
    async run({ ctx, user, access, sessionId }, { meetingUrl }) {
      await setMeetingUrl(ctx, user, access, sessionId, meetingUrl || null);
      return undefined;
    },
  }),
  guests: command({
    permission: "session:facilitate",
    schema: guestsSettingSchema,
    invalid: "session.errors.chooseGuests",
    async run({ ctx, user, access, sessionId }, { allowed }) {
      await setGuestsAllowed(ctx, user, access, sessionId, allowed === "on");
      return undefined;
    },
  }),
  "remove-guest": command({
    permission: "session:facilitate",
    schema: removeGuestSchema,
    invalid: "session.errors.chooseGuest",
    async run({ ctx, user, access, sessionId }, { guestId }) {
      await removeGuest(ctx, user, access, sessionId, guestId);
      return undefined;
    },
  }),
  announce: command({
    permission: "session:facilitate",
    schema: announcementSchema,
    invalid: "session.errors.writeAnnouncement",
    async run({ ctx, user, access, sessionId }, { message }) {
      await announce(ctx, user, access, sessionId, message);
      return undefined;
    },
  }),
  "bring-back": announcement(BRING_BACK_MESSAGE),
  "clear-announcement": announcement(null),
  "add-agenda-item": command({
    permission: "session:facilitate",
    schema: agendaItemSchema,
    async run({ ctx, user, access, sessionId }, value) {
      await addAgendaItem(ctx, user, access, sessionId, value);
      return undefined;
    },
  }),
  "edit-agenda-item": command({
    permission: "session:facilitate",
    schema: agendaEditSchema,
    async run({ ctx, user, access, sessionId }, value) {
      await editAgendaItem(ctx, user, access, sessionId, value.itemId, value);
      return undefined;
    },
  }),
  "restore-agenda-item": command({
    permission: "session:facilitate",
    schema: agendaRestoreSchema,
    async run({ ctx, user, access, sessionId }, value) {
      await restoreAgendaItem(ctx, user, access, sessionId, value);
      return undefined;
    },
  }),
  "move-agenda-item": agendaMoves,
  "remove-agenda-item": agendaMoves,
  "current-agenda-item": agendaMoves,
  "add-room": command({
    permission: "session:facilitate",
    schema: breakoutRoomSchema,
    invalid: "session.errors.nameRoom",
    async run({ ctx, user, access, sessionId }, value) {
      orRefuse(400, await addBreakoutRoom(ctx, user, access, sessionId, value));
      return undefined;
    },
  }),
  "auto-assign": command({
    permission: "session:facilitate",
    schema: nothing,
    async run({ ctx, user, access, sessionId }) {
      orRefuse(400, await autoAssignRooms(ctx, user, access, sessionId));
      return undefined;
    },
  }),
  "change-phase": command({
    permission: "session:facilitate",
    schema: changePhaseSchema,
    invalid: "session.errors.countdownMinutes",
    async run({ ctx, user, access, sessionId }, value) {
      orRefuse(409, await changePhase(ctx, user, access, sessionId, value));
      return undefined;
    },
  }),
  "open-board": command({
    permission: "board:open",
    schema: openBoardSchema,
    invalid: "session.errors.chooseArea",
    async run({ ctx, user, access, sessionId }, value) {
      const opened = orRefuse(400, await openBoard(ctx, user, access, sessionId, value));
      return { boardId: opened.boardId };
    },
  }),
} satisfies Record<string, Command<ZodType, unknown>>;

export type SessionIntent = keyof typeof SESSION_COMMANDS;

/** The one answer to every command: the page reads it beside the control that sent it. */
export type SessionOutcome = {
  intent: string;
  status: number;
  /** The form's submission, for commands that keep their form (field errors, or a reset). */
  result: SubmissionResult<string[]> | null;
  boardId: string | null;
  /** A refusal, in the reader's language; null when the command was done. */
  message: string | null;
  ideaId?: string;
  removed?: unknown;
};

export async function runSessionCommand(
  actor: Actor & { locale: Locale },
  form: FormData,
): Promise<SessionOutcome> {
  const intent = String(form.get("intent") ?? "");
  const boardId = typeof form.get("boardId") === "string" ? String(form.get("boardId")) : null;
  const outcome = (status: number, rest: Partial<SessionOutcome> = {}): SessionOutcome => ({
    intent,
    status,
    result: null,
    boardId: null,
    message: null,
    ...rest,
  });
  const said = (key: SayKey) => sayMessage(actor.locale, key);
  /** A refusal beside the control; a command that keeps its form shows it in the form. */
  const refused = (status: number, message: string) =>
    found?.keepsForm
      ? outcome(status, {
          result: parseSubmission(form, found.schema).reply({ formErrors: [message] }),
          boardId,
        })
      : outcome(status, { message });
  const found = Object.hasOwn(SESSION_COMMANDS, intent)
    ? (SESSION_COMMANDS[intent as SessionIntent] as Command<ZodType, unknown>)
    : undefined;
  if (!found) return outcome(400, { message: said("session.errors.unknownCommand") });
  if (
    !can(actor.access.role, found.permission) ||
    (actor.access.role === "guest" && !found.forGuests)
  ) {
    const message =
      actor.access.role === "guest"
        ? said("session.errors.guestsPostAndRate")
        : say(actor.locale, found.notAllowed ?? "session.errors.notYourRole", {
            role: actor.access.role,
          });
    return refused(403, message);
  }
  const submission = parseSubmission(form, found.schema);
  if (submission.status !== "success") {
    if (found.keepsForm) return outcome(400, { result: submission.reply(), boardId });
    const first = Object.values(submission.error ?? {}).flat()[0];
    const message = found.invalid ? said(found.invalid) : sayMessage(actor.locale, first ?? "");
    return outcome(400, { message: message || said("session.errors.unknownCommand") });
  }
  const done = await attempt(() =>
    found.run(actor, submission.value, { intent, boardId: boardId ?? "" }),
  );
  // A refused post keeps the idea in its box, with the reason beside it.
  if (!done.ok) return refused(done.status, sayRefusal(actor.locale, done));
  return outcome(200, {
    ...(found.keepsForm ? { result: submission.reply({ resetForm: intent === "post-idea" }) } : {}),
    boardId: done.value?.boardId ?? null,
    ...(done.value?.ideaId ? { ideaId: done.value.ideaId } : {}),
    ...(done.value && "removed" in done.value ? { removed: done.value.removed } : {}),
  });
}
