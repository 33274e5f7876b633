/**
 * The rules of registering for a hearing or webinar that need no database: who is in a team,
 * who gets a place and who waits, and what the registrant list looks like.
 *
 * Capacity counts places, and one registration takes one place, whether it is one person or a
 * district's team of four (the schema's "seats (or teams)"): staff who invite district teams
 * set the capacity in teams, staff of an open hearing in seats. The registrant list and the
 * staff page also count people, for the room.
 */

export const REGISTRATION_STATES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
export const HEARING_KINDS = ["hearing", "webinar"] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

export type TeamMember = { name: string; role: string };

/** The roles a team registers with: one per line, blank lines and spaces dropped. */
export function teamRolesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((role) => role.trim())
    .filter(Boolean);
}

/**
 * The team from the names typed beside each role. A role may be left empty: a district without
 * a federal programs director still comes, and a parent may come to a hearing that invites
 * teams. With every role empty the registration is the contact alone.
 */
export function teamOf(roles: string[], names: string[]): TeamMember[] {
  return roles
    .map((role, index) => ({ role, name: (names[index] ?? "").trim() }))
    .filter((member) => member.name !== "")
    .map(({ name, role }) => ({ name, role }));
}

/** A stored team (JSON), read defensively: anything malformed reads as no team. */
export function readTeam(json: string): TeamMember[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((member) =>
    member && typeof member.name === "string" && typeof member.role === "string"
      ? [{ name: member.name, role: member.role }]
      : [],
  );
}

/** How many people a registration brings: its team, or the contact alone. */
export function peopleIn(team: TeamMember[]) {
  return Math.max(1, team.length);
}

/** A new registration's state: a place while places are left (or there is no limit), else the waitlist. */
export function stateFor(capacity: number | null, registered: number): RegistrationState {
  return capacity === null || registered < capacity ? "registered" : "waitlisted";
}

/** How many waiting registrations move up now: the free places, at most everyone waiting. */
export function placesToFill(capacity: number | null, registered: number, waiting: number) {
  if (capacity === null) return waiting;
  return Math.max(0, Math.min(waiting, capacity - registered));
}

/** Places left for the public page; null when there is no limit. */
export function placesLeft(capacity: number | null, registered: number) {
  return capacity === null ? null : Math.max(0, capacity - registered);
}

/**
 * An instant as the wall-clock value of an <input type="datetime-local"> in a zone
 * ("2026-12-01T10:00"): the edit form shows what staff typed.
 */
export function wallClockIn(at: Date | string, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

export type RegistrantRecord = {
  id: string;
  name: string;
  email: string;
  organization: string;
  team: TeamMember[];
  status: string;
  createdAt: Date | string;
};

export const REGISTRANT_COLUMNS = [
  "Registration",
  "Status",
  "Registered at (UTC)",
  "Name",
  "Role",
  "Organization",
  "Contact",
  "Contact email",
];

/**
 * One row per person: a team's members each on their own row, with their role and the team's
 * contact; a person registered alone is their own contact.
 */
export function registrantRows(registrations: RegistrantRecord[]): string[][] {
  return registrations.flatMap((r) => {
    const common = [r.id, r.status, new Date(r.createdAt).toISOString()];
    const people = r.team.length > 0 ? r.team : [{ name: r.name, role: "" }];
    return people.map((person) => [
      ...common,
      person.name,
      person.role,
      r.organization,
      r.name,
      r.email,
    ]);
  });
}
