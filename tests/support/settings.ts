import type { AppContext } from "../../app/utils/app-context.ts";
import type { Cast } from "./app.ts";
import { postForm } from "./http.ts";

/** Settings are the owner's: the cast's facilitator becomes the work group's owner. */
export async function makeFacilitatorOwner(ctx: AppContext, cast: Cast) {
  await ctx.db.membership.update({
    where: {
      workGroupId_userId: { workGroupId: cast.workGroup.id, userId: cast.facilitator.id },
    },
    data: { role: "owner" },
  });
}

/** The Settings form as an owner sends it: the seeded work group's lists, and `fields`. */
export function postSettings(
  baseUrl: string,
  cast: Cast,
  cookie: string,
  fields: Record<string, string> = {},
) {
  return postForm(baseUrl, `/work-groups/${cast.workGroup.slug}/settings`, cookie, {
    name: "Test work group",
    essentialQuestions: "",
    areasOfFocus: "",
    stakeholderGroups: "Teachers\nParents",
    regions: "Central",
    workPhases: "Study",
    ...fields,
  });
}
