import type { AppContext } from "../../utils/app-context.ts";

/** Drafts only read, so the demo loader (which has no live side) can make them too. */
type Db = Pick<AppContext, "db">;

import { columnLabel, KNOSTER_ELEMENTS } from "../board/knoster.ts";
import { rankIdeas, starsOf } from "../board/ranking.ts";
import { commentCounts } from "../comment-period/analysis.server.ts";
import { groupCampaigns } from "../comment-period/campaigns.ts";
import { MIN_CELL } from "../comment-period/counts.ts";
import { bodyBlocks, splitDraft } from "../comment-period/sections.ts";
import { documentName } from "../documents/document-name.ts";
import { readStoredDocument } from "../documents/lexical-document.server.ts";
import { ownerSelect, publicOwner } from "../recommendation/public-owner.ts";
import { IN_ORDER } from "../recommendation/recommendation.server.ts";
import {
  type Horizon,
  horizonLabels,
  type Status,
  statusLabels,
} from "../recommendation/schema.ts";
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
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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

function ratingNote(idea: { average: number | null; count: number }) {
  return idea.average === null
    ? ""
    : ` (${idea.average.toFixed(1)} stars from ${plural(idea.count, "rating")})`;
}

/** A session's summary: agenda, attendance by stakeholder group, themes and their best-rated ideas, notes. */
export async function summaryDraft(ctx: Db, sessionId: string): Promise<Block[]> {
  const session = await ctx.db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      title: true,
      startsAt: true,
      timeZone: true,
      agendaItems: {
        orderBy: { position: "asc" },
        select: { title: true, minutes: true, presenter: true, materials: true },
      },
      attendance: {
        select: {
          user: {
            select: {
              memberships: {
                select: { workGroupId: true, stakeholderGroup: { select: { name: true } } },
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
  const blocks: Block[] = [p(`Held ${formatSessionTime(session.startsAt, session.timeZone)}.`)];

  blocks.push(h(2, "Agenda"));
  if (session.agendaItems.length === 0) blocks.push(p("No agenda was recorded."));
  else
    blocks.push({
      kind: "list",
      ordered: true,
      items: session.agendaItems.map((item) => {
        const detail = [item.minutes ? `${item.minutes} minutes` : "", item.presenter]
          .filter(Boolean)
          .join(", ");
        const runs: Run[] = [{ text: detail ? `${item.title} (${detail})` : item.title }];
        for (const link of item.materials.split("\n").filter(Boolean)) {
          runs.push({ text: " · " }, { text: link, href: link });
        }
        return runs;
      }),
    });

  blocks.push(h(2, "Attendance"));
  const byGroup = new Map<string, number>();
  for (const { user } of session.attendance) {
    const group =
      user.memberships.find((m) => m.workGroupId === session.workGroupId)?.stakeholderGroup?.name ??
      "No stakeholder group given";
    byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
  }
  blocks.push(p(`${plural(session.attendance.length, "member")} attended.`));
  if (byGroup.size > 0) blocks.push(list([...byGroup].map(([group, n]) => `${group}: ${n}`)));

  blocks.push(h(2, "Themes"));
  const ideas = await visibleIdeas(ctx, { sessionId });
  if (session.themes.length === 0) blocks.push(p("The ideas were not themed in this session."));
  for (const theme of session.themes) {
    const inTheme = ideas.filter((i) => i.themeId === theme.id);
    blocks.push(h(3, theme.label));
    blocks.push(p(`${plural(inTheme.length, "idea")}. The best rated:`));
    if (inTheme.length > 0)
      blocks.push(
        list(inTheme.slice(0, TOP_IDEAS_PER_THEME).map((i) => `${i.text}${ratingNote(i)}`)),
      );
  }

  blocks.push(h(2, "Notes"));
  const notes = await readStoredDocument(ctx, documentName.notes(sessionId));
  blocks.push(...(notes.length ? notes : [p("No whole-group notes were taken.")]));
  for (const room of session.breakoutRooms) {
    const roomNotes = await readStoredDocument(ctx, documentName.roomNotes(room.id));
    if (roomNotes.length === 0) continue;
    blocks.push(
      h(3, room.name),
      ...roomNotes.map((b) => (b.kind === "heading" ? { ...b, level: 3 as const } : b)),
    );
  }
  return blocks;
}

/**
 * The report, in the seed report's shape: executive summary, essential questions,
 * recommendations with key action steps, a summary of learning per area of focus organised by
 * Knoster element, the members, and an appendix of every idea by theme.
 */
export async function reportDraft(ctx: Db, workGroupId: string): Promise<Block[]> {
  const group = await ctx.db.workGroup.findUniqueOrThrow({
    where: { id: workGroupId },
    select: {
      purpose: true,
      essentialQuestions: true,
      areasOfFocus: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      stakeholderGroups: { orderBy: { position: "asc" }, select: { id: true, name: true } },
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
    h(2, "Executive summary"),
    p(group.purpose || "Write the executive summary here."),
  ];

  const questions = group.essentialQuestions
    .split("\n")
    .map((q) => q.trim())
    .filter(Boolean);
  if (questions.length) blocks.push(h(2, "Essential questions"), list(questions, true));

  blocks.push(h(2, "Recommendations"));
  if (group.recommendations.length === 0) blocks.push(p("No recommendations yet."));
  group.recommendations.forEach((r, index) => {
    blocks.push(h(3, `Recommendation ${index + 1}: ${r.title}`));
    if (r.rationale) blocks.push(p(r.rationale));
    if (r.actionSteps.length === 0) return;
    blocks.push(p({ text: "Key action steps", bold: true }));
    blocks.push(
      list(
        r.actionSteps.map((s) => {
          // The report is published: members are named only where they agreed.
          const shown = publicOwner(s);
          const owner = shown === "member" ? "a member of the work group" : (shown?.name ?? "");
          const detail = [
            owner,
            horizonLabels[s.horizon as Horizon],
            s.dueOn ? `due ${s.dueOn}` : "",
            statusLabels[s.status as Status],
          ].filter(Boolean);
          return `${s.description} (${detail.join("; ")})`;
        }),
      ),
    );
  });

  const ideas = await visibleIdeas(ctx, { workGroupId });
  blocks.push(h(2, "Summary of learning"));
  for (const area of group.areasOfFocus) {
    const inArea = ideas.filter((i) => i.board.areaOfFocusId === area.id);
    if (inArea.length === 0) continue;
    blocks.push(h(3, area.name));
    for (const element of KNOSTER_ELEMENTS) {
      const top = inArea.filter((i) => i.column === element.key).slice(0, TOP_IDEAS_PER_ELEMENT);
      if (top.length === 0) continue;
      blocks.push(p({ text: element.label, bold: true }), list(top.map((i) => i.text)));
    }
  }

  blocks.push(h(2, "Work group members"));
  for (const stakeholder of [...group.stakeholderGroups, { id: null, name: "Other members" }]) {
    const members = group.memberships.filter((m) => m.stakeholderGroupId === stakeholder.id);
    if (members.length === 0) continue;
    const named = members.filter((m) => m.showNamePublicly).map((m) => m.user.name);
    const others = members.length - named.length;
    const line = [
      ...named,
      ...(others
        ? [named.length ? `and ${plural(others, "other member")}` : plural(others, "member")]
        : []),
    ];
    blocks.push(p({ text: `${stakeholder.name}: `, bold: true }, line.join(", ")));
  }

  blocks.push(h(2, "Appendix: all ideas by theme"));
  for (const session of group.sessions) {
    for (const theme of session.themes) {
      const inTheme = ideas.filter((i) => i.themeId === theme.id);
      if (inTheme.length === 0) continue;
      blocks.push(h(3, `${theme.label} (${session.title})`));
      blocks.push(list(inTheme.map((i) => `${columnLabel(i.column)}: ${i.text}`)));
    }
  }
  const unthemed = ideas.filter((i) => !i.themeId);
  if (unthemed.length) {
    blocks.push(
      h(3, "Not themed"),
      list(unthemed.map((i) => `${columnLabel(i.column)}: ${i.text}`)),
    );
  }
  return blocks;
}

/** A count as the response prints it: small ones are suppressed (comment-period/counts.ts). */
const countText = (count: number | null) =>
  count === null ? `fewer than ${MIN_CELL}` : count.toLocaleString("en-US");

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
export async function responseDraft(ctx: Db, periodId: string): Promise<Block[]> {
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
      comments: { where: { state: { not: "hidden" } }, select: { body: true, themeId: true } },
    },
  });
  const counts = await commentCounts(ctx, periodId);
  const campaigns = groupCampaigns(period.comments.map((c) => c.body)).filter((g) => g.length > 1);
  const inCampaigns = campaigns.reduce((sum, g) => sum + g.length, 0);
  const total = period.comments.length;
  const opens = formatSessionTime(period.opensAt, period.timeZone);
  const closes = formatSessionTime(period.closesAt, period.timeZone);

  const blocks: Block[] = [
    h(2, "Comments received"),
    p(
      `The draft was open for public comment from ${opens} to ${closes}. ${plural(total, "comment")} ${total === 1 ? "was" : "were"} received and kept after moderation: ${(total - inCampaigns).toLocaleString("en-US")} individual ${total - inCampaigns === 1 ? "comment" : "comments"} and ${inCampaigns.toLocaleString("en-US")} in ${plural(campaigns.length, "campaign")} of identical or near-identical letters, each counted.`,
    ),
  ];
  const table = (title: string, rows: { label: string; count: number | null }[]) => {
    if (rows.length === 0) return;
    blocks.push(
      p({ text: title, bold: true }),
      list(rows.map((row) => `${row.label}: ${countText(row.count)}`)),
    );
  };
  table("By section of the draft", counts.bySection);
  table("By stakeholder group", counts.byStakeholderGroup);
  table("By district or region", counts.byRegion);

  blocks.push(h(2, "What we heard and our response"));
  if (period.themes.length === 0) blocks.push(p("Theme the comments to list what was heard here."));
  for (const theme of period.themes) {
    const row = counts.themesByStakeholderGroup.rows.find((r) => r.label === theme.name);
    const themed = period.comments.filter((c) => c.themeId === theme.id).length;
    blocks.push(h(3, `${theme.name} (${plural(themed, "comment")})`));
    if (row && counts.themesByStakeholderGroup.columns.length > 1) {
      const from = counts.themesByStakeholderGroup.columns
        .map((column, i) => ({ column, count: row.counts[i] ?? 0 }))
        .filter((cell) => cell.count !== 0)
        .map((cell) => `${cell.column} ${countText(cell.count)}`);
      if (from.length) blocks.push(p(`From: ${from.join("; ")}.`));
    }
    blocks.push(...(theme.response ? textBlocks(theme.response) : [p("Write the response here.")]));
  }

  blocks.push(h(2, "Summary of changes"));
  blocks.push(
    ...(period.changesSummary
      ? textBlocks(period.changesSummary)
      : [p("Summarize what changed from the draft here.")]),
  );

  blocks.push(h(2, "Final draft"));
  const sections = splitDraft(period.finalDraft);
  if (sections.length === 0) blocks.push(p("Paste the final draft on the analysis page first."));
  for (const section of sections) {
    blocks.push(h(3, section.heading), ...textBlocks(section.body));
  }
  return blocks;
}
