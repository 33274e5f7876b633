/** Roles a person holds in one work group, most to least responsibility. */
export const ROLES = ["owner", "facilitator", "recorder", "member", "observer"] as const;
export type Role = (typeof ROLES)[number];
/**
 * Who someone is in one session: their work group role, or a guest of that very session (who
 * is in no work group: app/modules/session/guests.server.ts). Never a role anyone can invite to.
 */
export type SessionRole = Role | "guest";

/**
 * Every permission in one declarative map, so "who may do what" is read in one place.
 * The server checks these on every write; pages only use them to hide controls.
 */
const permissions = {
  "work-group:edit": ["owner"],
  "members:invite": ["owner", "facilitator"],
  "members:manage": ["owner"],
  "session:create": ["owner", "facilitator"],
  "board:open": ["owner", "facilitator"],
  "session:facilitate": ["owner", "facilitator"],
  // Guests do these two things, in the session they joined, and nothing else.
  "idea:post": ["owner", "facilitator", "recorder", "member", "guest"],
  "idea:rate": ["owner", "facilitator", "recorder", "member", "guest"],
  "notes:edit": ["owner", "facilitator", "recorder"],
  "theme:edit": ["owner", "facilitator"],
  "recommendation:edit": ["owner", "facilitator", "recorder"],
  // The planning team writes the improvement plan as it writes recommendations: facilitators
  // lead, recorders write it down; every member reads it.
  "plan:edit": ["owner", "facilitator", "recorder"],
  "history:view": ["owner", "facilitator"],
  // Recorders write summaries with facilitators; what goes public is a facilitator's decision.
  "publication:edit": ["owner", "facilitator", "recorder"],
  "publication:publish": ["owner", "facilitator"],
  // Opening a draft for public comment, extending it and running its hearings.
  "comment-period:manage": ["owner", "facilitator"],
  // Reading, moderating and theming what the public sent.
  "comment:moderate": ["owner", "facilitator", "recorder"],
} as const satisfies Record<string, readonly SessionRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: SessionRole | null | undefined, permission: Permission): boolean {
  return !!role && (permissions[permission] as readonly SessionRole[]).includes(role);
}

/**
 * Who may hand out which role: owners any; facilitators the roles below their own. Nobody can
 * invite someone into more power than the invite's author may grant.
 */
export function mayInviteAs(inviter: Role, role: Role): boolean {
  if (inviter === "owner") return true;
  return can(inviter, "members:invite") && ROLES.indexOf(role) > ROLES.indexOf(inviter);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isSessionRole(value: unknown): value is SessionRole {
  return value === "guest" || isRole(value);
}
