/**
 * An action step's owner as the public reads it (the public site, the report): a group as
 * given; a member by name only where they chose "Show my name" in this work group, else
 * `member` (the page says "a member of the work group"). Staff pages name the member.
 */
export type PublicOwner = { name: string } | "member" | null;

export type OwnerRow = {
  ownerGroup: string;
  ownerUser: { name: string; memberships: { showNamePublicly: boolean }[] } | null;
};

/** The select that reads what publicOwner needs, for one work group's memberships. */
export function ownerSelect(workGroupId: string) {
  return {
    ownerGroup: true,
    ownerUser: {
      select: {
        name: true,
        memberships: { where: { workGroupId }, select: { showNamePublicly: true } },
      },
    },
  } as const;
}

export function publicOwner(step: OwnerRow): PublicOwner {
  if (step.ownerUser) {
    return step.ownerUser.memberships[0]?.showNamePublicly
      ? { name: step.ownerUser.name }
      : "member";
  }
  return step.ownerGroup ? { name: step.ownerGroup } : null;
}
