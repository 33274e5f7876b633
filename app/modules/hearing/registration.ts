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

/**
 * What would help a person take part, offered as boxes to tick (the commonest requests, so
 * staff can count and arrange them); anything else is written in the "other" text.
 */
export const ACCOMMODATIONS = [
  "captioning",
  "signLanguage",
  "largePrint",
  "wheelchair",
  "assistiveListening",
] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];

/**
 * The interpreter languages offered by name: the languages most often spoken at home by
 * people who speak English less than very well in the United States (Census ACS). Any other
 * is written in by the person ("other"). Sign language is an accommodation, not here.
 */
export const INTERPRETER_LANGUAGES = [
  "es",
  "zh",
  "vi",
  "tl",
  "ar",
  "ko",
  "ru",
  "ht",
  "fr",
  "pt",
  "so",
] as const;
export type InterpreterLanguage = (typeof INTERPRETER_LANGUAGES)[number];
/** The interpreter field's values: none, a language of the list, or one the person writes. */
export const INTERPRETER_CHOICES = ["", ...INTERPRETER_LANGUAGES, "other"] as const;

/** Stored accommodation codes (JSON), read defensively: only known codes, each once. */
export function readAccommodations(json: string): Accommodation[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return ACCOMMODATIONS.filter((code) => value.includes(code));
}

/** What a registration asks for, to arrange before the event. */
export type Requests = {
  accommodations: Accommodation[];
  accommodationOther: string;
  /** A language code of INTERPRETER_LANGUAGES, "other" (then `interpreterOther`), or "". */
  interpreter: string;
  interpreterOther: string;
  wishesToSpeak: boolean;
  speakingTopic: string;
};

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

export type RegistrantRecord = Requests & {
  id: string;
  name: string;
  email: string;
  organization: string;
  team: TeamMember[];
  status: string;
  createdAt: Date | string;
};

/** Names for the staff page and the exports, which are in English. */
export const ACCOMMODATION_NAMES: Record<Accommodation, string> = {
  captioning: "captioning",
  signLanguage: "a sign language interpreter",
  largePrint: "large print",
  wheelchair: "wheelchair access",
  assistiveListening: "an assistive listening device",
};
export const LANGUAGE_NAMES: Record<InterpreterLanguage, string> = {
  es: "Spanish",
  zh: "Chinese",
  vi: "Vietnamese",
  tl: "Tagalog",
  ar: "Arabic",
  ko: "Korean",
  ru: "Russian",
  ht: "Haitian Creole",
  fr: "French",
  pt: "Portuguese",
  so: "Somali",
};

/** The interpreter a registration asks for, in English; "" for none. */
export function interpreterName(r: Pick<Requests, "interpreter" | "interpreterOther">) {
  if (r.interpreter === "other") return r.interpreterOther;
  return LANGUAGE_NAMES[r.interpreter as InterpreterLanguage] ?? "";
}

/** Everything a registration asks for, as one line of an export ("captioning; large print; …"). */
export function accommodationsLine(r: Pick<Requests, "accommodations" | "accommodationOther">) {
  return [...r.accommodations.map((code) => ACCOMMODATION_NAMES[code]), r.accommodationOther]
    .filter(Boolean)
    .join("; ");
}

const ACTIVE_STATES: readonly string[] = ["registered", "waitlisted"];

export type RequestCount = { what: string; count: number };

/**
 * What staff arrange before the event, with how many ask for each: interpreters by language
 * (the list's first, then written-in languages, the same name counted together whatever its
 * case), then each accommodation. Counts registrations still registered or waiting: a team's
 * contact asks for the team, and a cancelled registration needs nothing.
 */
export function requestCounts(registrations: RegistrantRecord[]) {
  const active = registrations.filter((r) => ACTIVE_STATES.includes(r.status));
  const interpreters = new Map<string, RequestCount>();
  for (const r of active) {
    const name = interpreterName(r).trim();
    if (!name) continue;
    const key = name.toLocaleLowerCase("en-US");
    const entry = interpreters.get(key) ?? { what: name, count: 0 };
    entry.count++;
    interpreters.set(key, entry);
  }
  const accommodations = ACCOMMODATIONS.map((code) => ({
    what: ACCOMMODATION_NAMES[code],
    count: active.filter((r) => r.accommodations.includes(code)).length,
  })).filter((entry) => entry.count > 0);
  const other = active
    .filter((r) => r.accommodationOther !== "")
    .map((r) => ({ id: r.id, name: r.name, text: r.accommodationOther }));
  return {
    interpreters: [...interpreters.values()].sort((a, b) => b.count - a.count),
    accommodations,
    other,
  };
}

/**
 * Who signed up to speak, in the order they registered (the order they will be called),
 * numbered from 1. A cancelled registration drops off and the numbers close up; someone on
 * the waitlist keeps their turn, marked as waiting, in case a place is freed for them.
 */
export function speakerList(registrations: RegistrantRecord[]) {
  const order = (r: RegistrantRecord) => new Date(r.createdAt).getTime();
  return registrations
    .filter((r) => r.wishesToSpeak && ACTIVE_STATES.includes(r.status))
    .sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r, index) => ({
      number: index + 1,
      id: r.id,
      name: r.name,
      email: r.email,
      organization: r.organization,
      topic: r.speakingTopic,
      status: r.status,
      createdAt: r.createdAt,
    }));
}
export type Speaker = ReturnType<typeof speakerList>[number];

export const SPEAKER_COLUMNS = [
  "Order",
  "Name",
  "Organization",
  "Topic",
  "Status",
  "Registered at (UTC)",
  "Email",
  "Registration",
];

export function speakerRows(speakers: Speaker[]): string[][] {
  return speakers.map((s) => [
    String(s.number),
    s.name,
    s.organization,
    s.topic,
    s.status,
    new Date(s.createdAt).toISOString(),
    s.email,
    s.id,
  ]);
}

export const REGISTRANT_COLUMNS = [
  "Registration",
  "Status",
  "Registered at (UTC)",
  "Name",
  "Role",
  "Organization",
  "Contact",
  "Contact email",
  "Accommodations",
  "Interpreter",
  "Wishes to speak",
  "Speaking on",
];

/**
 * One row per person: a team's members each on their own row, with their role and the team's
 * contact; a person registered alone is their own contact. What the registration asks for
 * (said by the contact, for everyone in it) is on each of its rows.
 */
export function registrantRows(registrations: RegistrantRecord[]): string[][] {
  return registrations.flatMap((r) => {
    const common = [r.id, r.status, new Date(r.createdAt).toISOString()];
    const asks = [
      accommodationsLine(r),
      interpreterName(r),
      r.wishesToSpeak ? "yes" : "no",
      r.speakingTopic,
    ];
    const people = r.team.length > 0 ? r.team : [{ name: r.name, role: "" }];
    return people.map((person) => [
      ...common,
      person.name,
      person.role,
      r.organization,
      r.name,
      r.email,
      ...asks,
    ]);
  });
}
