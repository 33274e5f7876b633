import type { AppContext } from "../../utils/app-context.ts";

/** Drafts only read, so the demo loader (which has no live side) can make them too. */
type Db = Pick<AppContext, "db">;

import { type SaidValues, say } from "../../utils/http.server.ts";
import { BOARD_COLUMNS, KNOSTER_ELEMENTS } from "../board/knoster.ts";
import { rankIdeas, starsOf } from "../board/ranking.ts";
import { commentCounts } from "../comment-period/analysis.server.ts";
import { MIN_CELL } from "../comment-period/counts.ts";
import { screenNewComments } from "../comment-period/screening.server.ts";
import { bodyBlocks, splitDraft } from "../comment-period/sections.ts";
import { documentName } from "../documents/document-name.ts";
import { readStoredDocument } from "../documents/lexical-document.server.ts";
import type { SayKey } from "../i18n/en.ts";
import type { Locale } from "../i18n/i18n.ts";
import { staffLinesIn, staffTextIn, storedLines } from "../i18n/staff-text.ts";
import { ownerSelect, publicOwner } from "../recommendation/public-owner.ts";
import { IN_ORDER } from "../recommendation/recommendation.server.ts";
import { formatSessionTime } from "../session/time.ts";
import type { Block, Run } from "./content.ts";

/**
 * The first drafts of summaries and reports, generated from what the work group recorded, in
 * the shape of the seed work group's own documents. Facilitators then edit them together. Only
 * what may be made public goes in: ideas without authors, hidden ideas left out, members named
 * only where they agreed.
 */

/** How many of a theme's best-rated ideas a session summary lists. */
const TOP_IDEAS_PER_THEME = 3;
/** How many ideas per Knoster element the report's summary of learning lists per area. */
const TOP_IDEAS_PER_ELEMENT = 5;

const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: "heading", level, text });
const p = (...runs: (Run | string)[]): Block => ({
  kind: "paragraph",
  runs: runs.map((run) => (typeof run === "string" ? { text: run } : run)),
});
const list = (items: string[], ordered = false): Block => ({
  kind: "list",
  ordered,
  items: items.map((text) => [{ text }]),
});

/**
 * A draft's words, in the language of the staff member who asks for it (they edit it next), from
 * the catalogues; numbers as that language writes them.
 */
function wordsIn(locale: Locale) {
  const tag = locale === "es" ? "es-US" : "en-US";
  const oneDecimal = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const number = new Intl.NumberFormat(tag);
  return {
    say: (key: SayKey, values: SaidValues = {}) => say(locale, key, values),
    when: (at: Date, timeZone: string) => formatSessionTime(at, timeZone, tag),
    stars: (average: number) => oneDecimal.format(average),
    number: (n: number) => number.format(n),
  };
}
type Words = ReturnType<typeof wordsIn>;

/** Ideas people may see: not hidden. Their rating ranks them. */
async function visibleIdeas(ctx: Db, where: { sessionId?: string; workGroupId?: string }) {
  const ideas = await ctx.db.idea.findMany({
    where: {
      hiddenAt: null,
      board: where.sessionId
        ? { sessionId: where.sessionId }
        : { session: { workGroupId: where.workGroupId } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      column: true,
      themeId: true,
      board: { select: { areaOfFocusId: true } },
      // No filter here: a filtered relation sends every idea's id as a parameter, past
      // SQLite's limit of 999 once a work group has a thousand ideas. Skips are dropped below.
      ratings: { select: { stars: true } },
    },
  });
  const ranked = rankIdeas(ideas.map((i) => ({ id: i.id, stars: starsOf(i.ratings) })));
  const rank = new Map(
    ranked.map((r, index) => [r.id, { index, average: r.average, count: r.count }]),
  );
  return ideas.map((i) => ({ ...i, ...rank.get(i.id)! })).sort((a, b) => a.index - b.index);
}

function ratingNote(words: Words, idea: { average: number | null; count: number }) {
  return idea.average === null
    ? ""
    : ` ${words.say("draft.rating", { stars: words.stars(idea.average), count: idea.count })}`;
}

/**
 * A session's summary: agenda, attendance by stakeholder group, themes and their best-rated
 * ideas, notes. A fact with nothing in it is left out rather than stated ("0 members attended",
 * "no notes were taken"): a published summary says what happened, and a section with nothing to
 * say has no heading either.
 */
export async function summaryDraft(ctx: Db, sessionId: string, locale: Locale): Promise<Block[]> {
  const words = wordsIn(locale);
  const session = await ctx.db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      title: true,
      startsAt: true,
      timeZone: true,
      agendaItems: {
        orderBy: { position: "asc" },
        select: { title: true, titleEs: true, minutes: true, presenter: true, materials: true },
      },
      attendance: {
        select: {
          user: {
            select: {
              memberships: {
                select: {
                  workGroupId: true,
                  stakeholderGroup: { select: { name: true, nameEs: true } },
                },
              },
            },
          },
        },
      },
      workGroupId: true,
      themes: { orderBy: { position: "asc" }, select: { id: true, label: true } },
      breakoutRooms: { orderBy: { createdAt: "asc" }, select: { id: true, name: true } },
    },
  });
  const blocks: Block[] = [
    p(words.say("draft.held", { when: words.when(session.startsAt, session.timeZone) })),
  ];

  if (session.agendaItems.length > 0) {
    blocks.push(h(2, words.say("draft.agenda")), {
      kind: "list",
      ordered: true,
      items: session.agendaItems.map((item) => {
        const detail = [
          item.minutes ? words.say("session.minutes", { count: item.minutes }) : "",
          item.presenter,
        ]
          .filter(Boolean)
          .join(", ");
        // A Spanish summary names the item in Spanish where staff gave its title in Spanish.
        const title = staffTextIn(locale, item.title, item.titleEs).text;
        const runs: Run[] = [{ text: detail ? `${title} (${detail})` : title }];
        for (const link of item.materials.split("\n").filter(Boolean)) {
          runs.push({ text: " · " }, { text: link, href: link });
        }
        return runs;
      }),
    });
  }

  if (session.attendance.length > 0) {
    const byGroup = new Map<string, number>();
    for (const { user } of session.attendance) {
      const own = user.memberships.find(
        (m) => m.workGroupId === session.workGroupId,
      )?.stakeholderGroup;
      const group = own
        ? staffTextIn(locale, own.name, own.nameEs).text
        : words.say("draft.noStakeholderGroup");
      byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
    }
    blocks.push(
      h(2, words.say("draft.attendance")),
      p(words.say("draft.attended", { count: session.attendance.length })),
      list([...byGroup].map(([group, n]) => words.say("draft.groupCount", { group, count: n }))),
    );
  }

  const ideas = await visibleIdeas(ctx, { sessionId });
  const themes = session.themes
    .map((theme) => ({ ...theme, ideas: ideas.filter((i) => i.themeId === theme.id) }))
    .filter((theme) => theme.ideas.length > 0);
  if (themes.length > 0) blocks.push(h(2, words.say("draft.themes")));
  for (const theme of themes) {
    blocks.push(
      h(3, theme.label),
      p(words.say("draft.themeIdeas", { count: theme.ideas.length })),
      list(
        theme.ideas.slice(0, TOP_IDEAS_PER_THEME).map((i) => `${i.text}${ratingNote(words, i)}`),
      ),
    );
  }

  const notes = await readStoredDocument(ctx, documentName.notes(sessionId));
  const rooms: Block[] = [];
  for (const room of session.breakoutRooms) {
    const roomNotes = await readStoredDocument(ctx, documentName.roomNotes(room.id));
    if (roomNotes.length === 0) continue;
    rooms.push(
      h(3, room.name),
      ...roomNotes.map((b) => (b.kind === "heading" ? { ...b, level: 3 as const } : b)),
    );
  }
  if (notes.length > 0 || rooms.length > 0) blocks.push(h(2, words.say("draft.notes")));
  blocks.push(...notes, ...rooms);
  return blocks;
}

/**
 * The report, in the seed report's shape: executive summary, essential questions,
 * recommendations with key action steps, a summary of learning per area of focus organised by
 * Knoster element, the members, and an appendix of every idea by theme. As in a summary, a
 * section with nothing in it is left out (no "No recommendations yet."); only the executive
 * summary, which staff always write, starts as a prompt when the work group states no purpose.
 */
export async function reportDraft(ctx: Db, workGroupId: string, locale: Locale): Promise<Block[]> {
  const words = wordsIn(locale);
  const group = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: workGroupId },
    select: {
      purpose: true,
      purposeEs: true,
      essentialQuestions: true,
      essentialQuestionsEs: true,
      areasOfFocus: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, nameEs: true },
      },
      stakeholderGroups: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, nameEs: true },
      },
      recommendations: {
        orderBy: IN_ORDER,
        select: {
          title: true,
          rationale: true,
          actionSteps: {
            orderBy: IN_ORDER,
            select: {
              description: true,
              ...ownerSelect(workGroupId),
              horizon: true,
              dueOn: true,
              status: true,
            },
          },
        },
      },
      memberships: {
        orderBy: { user: { name: "asc" } },
        select: {
          showNamePublicly: true,
          stakeholderGroupId: true,
          user: { select: { name: true } },
        },
      },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: {
          title: true,
          themes: { orderBy: { position: "asc" }, select: { id: true, label: true } },
        },
      },
    },
  });
  const blocks: Block[] = [
    h(2, words.say("draft.executiveSummary")),
    p(
      staffTextIn(locale, group.purpose, group.purposeEs).text ||
        words.say("draft.writeExecutiveSummary"),
    ),
  ];

  // A report drafted in Spanish says what staff gave in Spanish, the rest as written.
  const questions = staffLinesIn(
    locale,
    storedLines(group.essentialQuestions),
    group.essentialQuestionsEs,
  ).map((q) => q.text);
  if (questions.length) {
    blocks.push(h(2, words.say("draft.essentialQuestions")), list(questions, true));
  }

  if (group.recommendations.length > 0) blocks.push(h(2, words.say("draft.recommendations")));
  group.recommendations.forEach((r, index) => {
    blocks.push(
      h(3, words.say("draft.recommendationTitle", { number: index + 1, title: r.title })),
    );
    if (r.rationale) blocks.push(p(r.rationale));
    if (r.actionSteps.length === 0) return;
    blocks.push(p({ text: words.say("draft.keyActionSteps"), bold: true }));
    blocks.push(
      list(
        r.actionSteps.map((s) => {
          // The report is published: members are named only where they agreed.
          const shown = publicOwner(s);
          const owner = shown === "member" ? words.say("draft.ownerMember") : (shown?.name ?? "");
          const detail = [
            owner,
            words.say(`horizon.${s.horizon}` as SayKey),
            s.dueOn ? words.say("draft.due", { date: s.dueOn }) : "",
            words.say(`status.${s.status}` as SayKey),
          ].filter(Boolean);
          return `${s.description} (${detail.join("; ")})`;
        }),
      ),
    );
  });

  const ideas = await visibleIdeas(ctx, { workGroupId });
  const learning: Block[] = [];
  for (const area of group.areasOfFocus) {
    const inArea = ideas.filter((i) => i.board.areaOfFocusId === area.id);
    if (inArea.length === 0) continue;
    learning.push(h(3, staffTextIn(locale, area.name, area.nameEs).text));
    for (const element of KNOSTER_ELEMENTS) {
      const top = inArea.filter((i) => i.column === element.key).slice(0, TOP_IDEAS_PER_ELEMENT);
      if (top.length === 0) continue;
      learning.push(
        p({ text: words.say(`knoster.${element.key}` as SayKey), bold: true }),
        list(top.map((i) => i.text)),
      );
    }
  }
  if (learning.length > 0) blocks.push(h(2, words.say("draft.summaryOfLearning")), ...learning);

  const members: Block[] = [];
  const otherMembers = { id: null, name: words.say("draft.otherMembers"), nameEs: null };
  for (const stakeholder of [...group.stakeholderGroups, otherMembers]) {
    const inGroup = group.memberships.filter((m) => m.stakeholderGroupId === stakeholder.id);
    if (inGroup.length === 0) continue;
    const named = inGroup.filter((m) => m.showNamePublicly).map((m) => m.user.name);
    const others = inGroup.length - named.length;
    const line = [
      ...named,
      ...(others
        ? [
            named.length
              ? words.say("draft.andOthers", { count: others })
              : words.say("home.membersCount", { count: others }),
          ]
        : []),
    ];
    const groupName = staffTextIn(locale, stakeholder.name, stakeholder.nameEs).text;
    members.push(p({ text: `${groupName}: `, bold: true }, line.join(", ")));
  }
  if (members.length > 0) blocks.push(h(2, words.say("draft.members")), ...members);

  // Every board column is a Knoster element or Consensus, each named in the catalogues.
  const idea = (i: { column: string; text: string }) =>
    words.say("draft.columnIdea", {
      column: BOARD_COLUMNS.includes(i.column)
        ? words.say(`knoster.${i.column}` as SayKey)
        : i.column,
      idea: i.text,
    });
  const appendix: Block[] = [];
  for (const session of group.sessions) {
    for (const theme of session.themes) {
      const inTheme = ideas.filter((i) => i.themeId === theme.id);
      if (inTheme.length === 0) continue;
      appendix.push(
        h(3, words.say("draft.themeInSession", { theme: theme.label, session: session.title })),
        list(inTheme.map(idea)),
      );
    }
  }
  const unthemed = ideas.filter((i) => !i.themeId);
  if (unthemed.length) appendix.push(h(3, words.say("draft.notThemed")), list(unthemed.map(idea)));
  if (appendix.length > 0) blocks.push(h(2, words.say("draft.appendix")), ...appendix);
  return blocks;
}

/** A count as the response prints it: small ones are suppressed (comment-period/counts.ts). */
const countText = (words: Words, count: number | null) =>
  count === null ? words.say("draft.fewerThan", { count: MIN_CELL }) : words.number(count);

/** Markdown-ish text (paragraphs, "- " lists) as blocks, the way the public period page reads it. */
const textBlocks = (text: string): Block[] =>
  bodyBlocks(text).map((b) => (b.kind === "list" ? list(b.items) : p(b.text)));

/**
 * The response to comments for a comment period: what was received (unique comments and
 * campaigns, who commented, about which sections), what was heard and the response, theme by
 * theme, the summary of changes, and the final draft. Only counts and the staff's own words:
 * no comment text and no commenter's name, so nothing a member of the public sent is
 * republished without moderation.
 */
export async function responseDraft(
  ctx: AppContext,
  periodId: string,
  locale: Locale,
): Promise<Block[]> {
  const words = wordsIn(locale);
  // Campaigns are found on screening (comment-period/screening.server.ts): regrouping every
  // comment here took seconds for a large docket.
  await screenNewComments(ctx, periodId);
  const period = await ctx.db.commentPeriod.findUniqueOrThrow({
    where: { id: periodId },
    select: {
      title: true,
      opensAt: true,
      closesAt: true,
      timeZone: true,
      finalDraft: true,
      changesSummary: true,
      themes: { orderBy: { position: "asc" }, select: { id: true, name: true, response: true } },
      comments: {
        where: { state: { not: "hidden" } },
        select: { campaignId: true, themeId: true },
      },
    },
  });
  const counts = await commentCounts(ctx, periodId, "public");
  // A campaign is two or more copies among the comments kept: one copy left is a comment.
  const copies = new Map<string, number>();
  for (const { campaignId } of period.comments)
    if (campaignId) copies.set(campaignId, (copies.get(campaignId) ?? 0) + 1);
  const campaigns = [...copies.values()].filter((n) => n > 1);
  const inCampaigns = campaigns.reduce((sum, n) => sum + n, 0);
  const total = period.comments.length;
  const individual = total - inCampaigns;

  const blocks: Block[] = [
    h(2, words.say("draft.commentsReceived")),
    p(
      [
        words.say("draft.openFor", {
          opens: words.when(period.opensAt, period.timeZone),
          closes: words.when(period.closesAt, period.timeZone),
        }),
        words.say("draft.received", { count: total }),
        // Only when there were campaigns: "0 in 0 campaigns" says nothing.
        campaigns.length > 0
          ? words.say("draft.inCampaigns", {
              count: campaigns.length,
              individual: words.number(individual),
              inCampaigns: words.number(inCampaigns),
            })
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    ),
  ];
  const table = (title: SayKey, rows: { label: string; count: number | null }[]) => {
    if (rows.length === 0) return;
    blocks.push(
      p({ text: words.say(title), bold: true }),
      list(
        rows.map((row) =>
          words.say("draft.countRow", { label: row.label, count: countText(words, row.count) }),
        ),
      ),
    );
  };
  table("draft.bySection", counts.bySection);
  table("draft.byStakeholderGroup", counts.byStakeholderGroup);
  table("draft.byRegion", counts.byRegion);

  blocks.push(h(2, words.say("draft.whatWeHeard")));
  if (period.themes.length === 0) blocks.push(p(words.say("draft.themeFirst")));
  for (const theme of period.themes) {
    const row = counts.themesByStakeholderGroup.rows.find((r) => r.label === theme.name);
    const themed = period.comments.filter((c) => c.themeId === theme.id).length;
    blocks.push(h(3, words.say("draft.themeComments", { theme: theme.name, count: themed })));
    if (row && counts.themesByStakeholderGroup.columns.length > 1) {
      const from = counts.themesByStakeholderGroup.columns
        .map((column, i) => ({ column, count: row.counts[i] ?? 0 }))
        .filter((cell) => cell.count !== 0)
        .map((cell) => `${cell.column} ${countText(words, cell.count)}`);
      if (from.length) blocks.push(p(words.say("draft.from", { groups: from.join("; ") })));
    }
    blocks.push(
      ...(theme.response ? textBlocks(theme.response) : [p(words.say("draft.writeResponse"))]),
    );
  }

  blocks.push(h(2, words.say("draft.changes")));
  blocks.push(
    ...(period.changesSummary
      ? textBlocks(period.changesSummary)
      : [p(words.say("draft.writeChanges"))]),
  );

  blocks.push(h(2, words.say("draft.finalDraft")));
  const sections = splitDraft(period.finalDraft);
  if (sections.length === 0) blocks.push(p(words.say("draft.pasteFinalDraft")));
  for (const section of sections) {
    blocks.push(h(3, section.heading), ...textBlocks(section.body));
  }
  return blocks;
}
