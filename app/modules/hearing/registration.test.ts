import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { ownFields } from "../../utils/form-fields.ts";
import { zonedTimeToUtc } from "../session/time.ts";
import {
  interpreterName,
  peopleIn,
  placesLeft,
  placesToFill,
  type RegistrantRecord,
  readAccommodations,
  readTeam,
  registrantRows,
  requestCounts,
  speakerList,
  speakerRows,
  stateFor,
  teamOf,
  teamRolesOf,
  wallClockIn,
} from "./registration.ts";
import { hearingSchema, registrationFields, registrationSchema } from "./schema.ts";

const DISTRICT_TEAM = ["Principal", "Counselor", "Lead teacher", "Federal programs director"];

describe("a team", () => {
  it("takes its roles one per line, blank lines and spaces dropped", () => {
    expect(
      teamRolesOf(" Principal\r\n\nCounselor \nLead teacher\nFederal programs director\n"),
    ).toEqual(DISTRICT_TEAM);
    expect(teamRolesOf("")).toEqual([]);
  });

  it("names one person per role, a role left empty being left out", () => {
    expect(teamOf(DISTRICT_TEAM, ["Ana", " ", "Lee", "Kim"])).toEqual([
      { role: "Principal", name: "Ana" },
      { role: "Lead teacher", name: "Lee" },
      { role: "Federal programs director", name: "Kim" },
    ]);
    expect(teamOf(DISTRICT_TEAM, [])).toEqual([]);
    expect(peopleIn([])).toBe(1);
    expect(peopleIn(teamOf(DISTRICT_TEAM, ["a", "b", "c", "d"]))).toBe(4);
  });

  it("reads a stored team defensively", () => {
    expect(readTeam('[{"name":"Ana","role":"Principal"}]')).toEqual([
      { name: "Ana", role: "Principal" },
    ]);
    expect(readTeam("not json")).toEqual([]);
    expect(readTeam('{"name":"x"}')).toEqual([]);
    expect(readTeam('[{"name":1,"role":"x"}, null, {"name":"B","role":"C"}]')).toEqual([
      { name: "B", role: "C" },
    ]);
  });
});

describe("places and the waitlist", () => {
  it("gives a place while places are left, then the waitlist; no limit never waits", () => {
    expect(stateFor(2, 0)).toBe("registered");
    expect(stateFor(2, 1)).toBe("registered");
    expect(stateFor(2, 2)).toBe("waitlisted");
    expect(stateFor(2, 5)).toBe("waitlisted");
    expect(stateFor(null, 10_000)).toBe("registered");
  });

  it("moves up as many as there are free places", () => {
    expect(placesToFill(10, 9, 3)).toBe(1);
    expect(placesToFill(10, 10, 3)).toBe(0);
    // A lowered capacity takes nobody's place and moves nobody up.
    expect(placesToFill(5, 8, 3)).toBe(0);
    expect(placesToFill(20, 10, 3)).toBe(3);
    expect(placesToFill(null, 10, 4)).toBe(4);
  });

  it("says how many places are left", () => {
    expect(placesLeft(120, 100)).toBe(20);
    expect(placesLeft(120, 130)).toBe(0);
    expect(placesLeft(null, 5)).toBeNull();
  });
});

const NO_REQUESTS = {
  accommodations: [],
  accommodationOther: "",
  interpreter: "",
  interpreterOther: "",
  wishesToSpeak: false,
  speakingTopic: "",
};

describe("the registrant list", () => {
  it("has one row per person, team members with their role and their contact", () => {
    const rows = registrantRows([
      {
        id: "r1",
        name: "Dana Contact",
        email: "dana@district.example.org",
        organization: "Jefferson City Public Schools",
        team: [
          { name: "Ana", role: "Principal" },
          { name: "Kim", role: "Counselor" },
        ],
        status: "registered",
        createdAt: new Date("2026-11-20T15:00:00Z"),
        ...NO_REQUESTS,
        accommodations: ["captioning", "largePrint"],
        interpreter: "es",
        wishesToSpeak: true,
        speakingTopic: "Section 3",
      },
      {
        id: "r2",
        name: "Pat Parent",
        email: "pat@example.org",
        organization: "",
        team: [],
        status: "waitlisted",
        createdAt: "2026-11-20T16:00:00.000Z",
        ...NO_REQUESTS,
        accommodationOther: "A seat near the door",
        interpreter: "other",
        interpreterOther: "Q'anjob'al",
      },
    ]);
    expect(rows).toEqual([
      [
        "r1",
        "registered",
        "2026-11-20T15:00:00.000Z",
        "Ana",
        "Principal",
        "Jefferson City Public Schools",
        "Dana Contact",
        "dana@district.example.org",
        "captioning; large print",
        "Spanish",
        "yes",
        "Section 3",
      ],
      [
        "r1",
        "registered",
        "2026-11-20T15:00:00.000Z",
        "Kim",
        "Counselor",
        "Jefferson City Public Schools",
        "Dana Contact",
        "dana@district.example.org",
        "captioning; large print",
        "Spanish",
        "yes",
        "Section 3",
      ],
      [
        "r2",
        "waitlisted",
        "2026-11-20T16:00:00.000Z",
        "Pat Parent",
        "",
        "",
        "Pat Parent",
        "pat@example.org",
        "A seat near the door",
        "Q'anjob'al",
        "no",
        "",
      ],
    ]);
  });
});

const registrant = (
  id: string,
  minute: number,
  fields: Partial<RegistrantRecord> = {},
): RegistrantRecord => ({
  id,
  name: `Person ${id}`,
  email: `${id}@example.org`,
  organization: "",
  team: [],
  status: "registered",
  createdAt: new Date(Date.UTC(2026, 10, 20, 15, minute)),
  ...NO_REQUESTS,
  ...fields,
});

describe("what staff arrange", () => {
  it("counts interpreters by language and each accommodation, leaving cancelled ones out", () => {
    const counts = requestCounts([
      registrant("a", 1, { interpreter: "es", accommodations: ["captioning"] }),
      registrant("b", 2, { interpreter: "es", accommodations: ["captioning", "wheelchair"] }),
      registrant("c", 3, { interpreter: "es", status: "waitlisted" }),
      registrant("d", 4, {
        interpreter: "es",
        status: "cancelled",
        accommodations: ["largePrint"],
      }),
      registrant("e", 5, { interpreter: "other", interpreterOther: "Mixteco" }),
      registrant("f", 6, { interpreter: "other", interpreterOther: "mixteco " }),
      registrant("g", 7, { accommodationOther: "Materials a week before" }),
    ]);
    expect(counts.interpreters).toEqual([
      { what: "Spanish", count: 3 },
      { what: "Mixteco", count: 2 },
    ]);
    expect(counts.accommodations).toEqual([
      { what: "captioning", count: 2 },
      { what: "wheelchair access", count: 1 },
    ]);
    expect(counts.other).toEqual([{ id: "g", name: "Person g", text: "Materials a week before" }]);
  });

  it("names the interpreter in English, and reads stored codes defensively", () => {
    expect(interpreterName({ interpreter: "vi", interpreterOther: "" })).toBe("Vietnamese");
    expect(interpreterName({ interpreter: "other", interpreterOther: "Chuukese" })).toBe(
      "Chuukese",
    );
    expect(interpreterName({ interpreter: "xx", interpreterOther: "" })).toBe("");
    expect(readAccommodations('["largePrint","nope","captioning","captioning"]')).toEqual([
      "captioning",
      "largePrint",
    ]);
    expect(readAccommodations("not json")).toEqual([]);
    expect(readAccommodations('{"a":1}')).toEqual([]);
  });
});

describe("the speaker list", () => {
  it("numbers those who wish to speak in registration order; a cancelled one drops off", () => {
    const speakers = speakerList([
      registrant("late", 9, { wishesToSpeak: true, speakingTopic: "Budget" }),
      registrant("first", 1, { wishesToSpeak: true }),
      registrant("quiet", 2),
      registrant("gone", 3, { wishesToSpeak: true, status: "cancelled" }),
      registrant("waiting", 10, { wishesToSpeak: true, status: "waitlisted" }),
    ]);
    expect(speakers.map((s) => [s.number, s.id, s.status])).toEqual([
      [1, "first", "registered"],
      [2, "late", "registered"],
      [3, "waiting", "waitlisted"],
    ]);
    expect(speakerRows(speakers)[1]).toEqual([
      "2",
      "Person late",
      "",
      "Budget",
      "registered",
      "2026-11-20T15:09:00.000Z",
      "late@example.org",
      "late",
    ]);
  });
});

describe("wall-clock times for the edit form", () => {
  it("gives back what staff typed, across daylight saving", () => {
    for (const local of ["2026-03-08T01:30", "2026-03-08T03:30", "2026-11-01T10:00"]) {
      expect(wallClockIn(zonedTimeToUtc(local, "America/Chicago"), "America/Chicago")).toBe(local);
    }
    expect(wallClockIn(new Date("2026-12-01T00:00:00Z"), "UTC")).toBe("2026-12-01T00:00");
  });
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("the staff form", () => {
  const valid = {
    kind: "hearing",
    title: "Public hearing",
    startsAt: "2026-12-01T10:00",
    endsAt: "2026-12-01T12:00",
    place: "Jefferson State Office Building",
    capacity: "120",
    teamRoles: DISTRICT_TEAM.join("\n"),
  };
  const errors = (fields: Record<string, string>) => {
    const submission = parseWithZod(form(fields), { schema: hearingSchema });
    return submission.status === "success" ? null : submission.error;
  };

  it("accepts a hearing with a place, capacity and team roles", () => {
    const submission = parseWithZod(form(valid), { schema: hearingSchema });
    expect(submission.status).toBe("success");
    if (submission.status === "success") {
      expect(submission.value.capacity).toBe(120);
      expect(submission.value.link).toBe("");
    }
    expect(errors({ ...valid, capacity: "" })).toBeNull();
  });

  it("refuses an end before the start, no place nor link, and links that are not http(s)", () => {
    expect(errors({ ...valid, endsAt: "2026-12-01T09:00" })?.endsAt).toBeDefined();
    expect(errors({ ...valid, place: "" })?.place).toBeDefined();
    for (const link of ["javascript:alert(1)", "data:text/html,x", "ftp://x.org", "not a url"])
      expect(errors({ ...valid, link })?.link).toBeDefined();
    expect(errors({ ...valid, place: "", link: "https://meet.example.org/x" })).toBeNull();
  });

  it("refuses a capacity that is not a whole number of places", () => {
    for (const capacity of ["0", "-3", "2.5", "abc", "1000000"])
      expect(errors({ ...valid, capacity })?.capacity).toBeDefined();
  });

  it("refuses repeated roles, too many roles, unknown kinds and control characters", () => {
    expect(errors({ ...valid, teamRoles: "Principal\nprincipal" })?.teamRoles).toBeDefined();
    const many = Array.from({ length: 13 }, (_, i) => `Role ${i}`).join("\n");
    expect(errors({ ...valid, teamRoles: many })?.teamRoles).toBeDefined();
    expect(errors({ ...valid, kind: "party" })?.kind).toBeDefined();
    expect(errors({ ...valid, title: "A\u0000B" })?.title).toBeDefined();
  });
});

describe("the public form", () => {
  const schema = registrationSchema(4);
  const valid = { token: "t", name: "Dana", email: "Dana@Example.org" };

  it("lower-cases the address and keeps blank roles blank", () => {
    const submission = parseWithZod(
      form({ ...valid, party: "team", "team[0]": "Ana", "team[2]": "Lee" }),
      { schema },
    );
    expect(submission.status).toBe("success");
    if (submission.status === "success") {
      expect(submission.value.email).toBe("dana@example.org");
      expect(submission.value.team).toEqual(["Ana", "", "Lee"]);
      expect(submission.value.organization).toBe("");
    }
  });

  it("answers with catalogue keys", () => {
    const errorsOf = (fields: Record<string, string>) => {
      const submission = parseWithZod(form(fields), { schema });
      return submission.status === "success" ? null : submission.error;
    };
    expect(errorsOf({ ...valid, name: "" })?.name).toEqual(["hearing.nameMissing"]);
    expect(errorsOf({ ...valid, email: "nope" })?.email).toEqual(["hearing.invalidEmail"]);
    expect(errorsOf({ ...valid, email: "" })?.email).toEqual(["hearing.invalidEmail"]);
    expect(errorsOf({ ...valid, website: "spam" })?.website).toEqual(["hearing.automated"]);
    expect(errorsOf({ ...valid, name: "x".repeat(201) })?.name).toEqual(["hearing.nameTooLong"]);
    expect(errorsOf({ ...valid, "team[4]": "Extra" })?.team).toEqual(["hearing.teamInvalid"]);
    expect(errorsOf({ ...valid, "team[99999999]": "Far" })?.team).toEqual(["hearing.teamInvalid"]);
    expect(errorsOf({ ...valid, "team[1]": "A\u0007" })?.["team[1]"]).toEqual([
      "hearing.controlCharacters",
    ]);
    expect(errorsOf({ name: "Dana", email: "d@example.org" })?.token).toEqual(["hearing.expired"]);
  });

  it("drops the team of someone registering just themselves", () => {
    for (const party of ["one", undefined]) {
      const fields: Record<string, string> = { ...valid, "team[0]": "Ana", "team[1]": "Kim" };
      if (party) fields.party = party;
      const submission = parseWithZod(form(fields), { schema });
      expect(submission.status).toBe("success");
      if (submission.status === "success") {
        expect(submission.value.party).toBe("one");
        expect(submission.value.team).toEqual([]);
      }
    }
    const none = parseWithZod(form({ ...valid, party: "team" }), { schema: registrationSchema(0) });
    expect(none.status === "error" && none.error?.party).toEqual(["hearing.partyInvalid"]);
  });

  it("takes accommodations, an interpreter and a speaker sign-up", () => {
    const data = form({
      ...valid,
      accommodationOther: "  Materials a week before ",
      interpreter: "other",
      interpreterOther: "Q’anjob’al",
      wishesToSpeak: "on",
      speakingTopic: "Section 2: funding",
    });
    data.append("accommodations", "largePrint");
    data.append("accommodations", "captioning");
    const submission = parseWithZod(data, { schema });
    expect(submission.status).toBe("success");
    if (submission.status === "success")
      expect(submission.value).toMatchObject({
        accommodations: ["captioning", "largePrint"],
        accommodationOther: "Materials a week before",
        interpreter: "other",
        interpreterOther: "Q’anjob’al",
        wishesToSpeak: true,
        speakingTopic: "Section 2: funding",
      });
    // One box ticked is one value, not a list, in the form data.
    const one = parseWithZod(form({ ...valid, accommodations: "wheelchair" }), { schema });
    expect(one.status === "success" && one.value.accommodations).toEqual(["wheelchair"]);
  });

  it("drops what only counts with a choice that was not made", () => {
    const submission = parseWithZod(
      form({ ...valid, interpreter: "es", interpreterOther: "Klingon", speakingTopic: "Hidden" }),
      { schema },
    );
    expect(submission.status === "success" && submission.value).toMatchObject({
      interpreter: "es",
      interpreterOther: "",
      wishesToSpeak: false,
      speakingTopic: "",
    });
  });

  it("refuses unknown accommodations and languages, odd language names and long texts", () => {
    const errorsOf = (fields: Record<string, string>) => {
      const submission = parseWithZod(form({ ...valid, ...fields }), { schema });
      return submission.status === "success" ? null : submission.error;
    };
    expect(errorsOf({ accommodations: "jetpack" })?.["accommodations[0]"]).toEqual([
      "hearing.accommodationInvalid",
    ]);
    expect(errorsOf({ interpreter: "tlh" })?.interpreter).toEqual(["hearing.interpreterInvalid"]);
    expect(errorsOf({ interpreter: "other" })?.interpreterOther).toEqual([
      "hearing.languageMissing",
    ]);
    for (const name of ["https://spam.example", "12345", "<b>Hi</b>", "—"])
      expect(errorsOf({ interpreter: "other", interpreterOther: name })?.interpreterOther).toEqual([
        "hearing.languageInvalid",
      ]);
    expect(
      errorsOf({ interpreter: "other", interpreterOther: "a".repeat(61) })?.interpreterOther,
    ).toEqual(["hearing.languageTooLong"]);
    expect(errorsOf({ accommodationOther: "x".repeat(501) })?.accommodationOther).toEqual([
      "hearing.accommodationOtherTooLong",
    ]);
    expect(
      errorsOf({ wishesToSpeak: "on", speakingTopic: "x".repeat(201) })?.speakingTopic,
    ).toEqual(["hearing.topicTooLong"]);
    expect(errorsOf({ wishesToSpeak: "yes please" })?.wishesToSpeak).toEqual([
      "hearing.speakInvalid",
    ]);
    expect(errorsOf({ accommodationOther: "Bell\u0007" })?.accommodationOther).toEqual([
      "hearing.controlCharacters",
    ]);
  });

  it("takes no team at all when the hearing names no roles", () => {
    const none = registrationSchema(0);
    const submission = parseWithZod(form({ ...valid, "team[0]": "Ana" }), { schema: none });
    expect(submission.status).toBe("error");
  });
});

describe("reading only the form's own fields", () => {
  it("keeps the named fields and names the others, so a sparse array is never echoed", () => {
    const { form: kept, stray } = ownFields(
      form({ name: "Dana", "team[1]": "Kim", "team[9]": "Far", "x[99999999]": "y" }),
      registrationFields(2),
    );
    expect([...kept.keys()]).toEqual(["name", "team[1]"]);
    expect(stray).toEqual(["team[9]", "x[99999999]"]);
    const submission = parseWithZod(kept, { schema: registrationSchema(2) });
    expect(JSON.stringify(submission.reply()).length).toBeLessThan(1_000);
  });
});
