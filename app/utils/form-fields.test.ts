import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signInSchema } from "../modules/auth/schema.ts";
import { decisionSchema } from "../modules/comment-period/schema.ts";
import { hearingSchema } from "../modules/hearing/schema.ts";
import { themingCommandSchema } from "../modules/theming/schema.ts";
import { workGroupSchema } from "../modules/work-group/schema.ts";
import { parseSubmission } from "./form-fields.ts";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const signIn = [
  ["email", "ada@example.org"],
  ["password", "a long enough password"],
] as [string, string][];

describe("parseSubmission", () => {
  it("parses a form's own fields as parseWithZod does", () => {
    const submission = parseSubmission(form([...signIn, ["redirectTo", "/x"]]), signInSchema);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      email: "ada@example.org",
      password: "a long enough password",
      redirectTo: "/x",
    });
  });

  it("drops fields the schema does not name, so the reply does not echo them", () => {
    const submission = parseSubmission(
      form([
        ...signIn,
        ["x[1000000]", "1"],
        ["csrf", "token"],
        ["__intent__", JSON.stringify({ type: "update", payload: { name: "email[1000000]" } })],
        ["__proto__", "1"],
        ["email.inner", "1"],
      ]),
      signInSchema,
    );
    const reply = submission.reply();
    expect(JSON.stringify(reply).length).toBeLessThan(1_000);
    expect(reply.fields).toEqual(["email", "password"]);
    expect(submission.status).toBe("success");
  });

  it.each(["email[1000000]", "email[0]", "email[]", "email.1000000", "password[99999999].a"])(
    "drops %s: a single value has no fields inside",
    (name) => {
      const submission = parseSubmission(form([[name, "1"], ...signIn.slice(1)]), signInSchema);
      expect(JSON.stringify(submission.reply()).length).toBeLessThan(1_000);
      expect(submission.status).toBe("error");
    },
  );

  it("keeps a list's entries, by index or repeated, but none past what the form holds", () => {
    const ids = (entries: [string, string][]) => {
      const submission = parseSubmission(
        form([["state", "published"], ...entries]),
        decisionSchema,
      );
      return submission.status === "success" ? submission.value.comments : submission.error;
    };
    expect(
      ids([
        ["comments", "a:0"],
        ["comments", "b:0"],
      ]),
    ).toEqual(["a:0", "b:0"]);
    expect(
      ids([
        ["comments[0]", "a:0"],
        ["comments[1]", "b:0"],
      ]),
    ).toEqual(["a:0", "b:0"]);
    const huge = parseSubmission(
      form([
        ["state", "published"],
        ["comments[0]", "a:0"],
        ["comments[1000000]", "b:0"],
      ]),
      decisionSchema,
    );
    expect(JSON.stringify(huge.reply()).length).toBeLessThan(1_000);
    expect(huge.status === "success" && huge.value.comments).toEqual(["a:0"]);
    // "comments.5" is an index too, once the list exists.
    const dotted = parseSubmission(
      form([
        ["comments[0]", "a:0"],
        ["comments.900000", "b:0"],
      ]),
      decisionSchema,
    );
    expect(JSON.stringify(dotted.reply()).length).toBeLessThan(1_000);
  });

  it("keeps a list within the schema's maximum even in a long form", () => {
    const schema = z.object({ pick: z.array(z.string()).max(2), note: z.string() });
    const padding = Array.from({ length: 50 }, () => ["note", "x"] as [string, string]);
    const submission = parseSubmission(
      form([...padding, ["pick[0]", "a"], ["pick[1]", "b"], ["pick[40]", "c"]]),
      schema,
    );
    expect(submission.payload.pick).toEqual(["a", "b"]);
  });

  it("reads the fields of unions, refinements, intersections and preprocessed values", () => {
    const theming = parseSubmission(
      form([
        ["intent", "rename-theme"],
        ["themeId", "abc"],
        ["label", "Access"],
        ["stray[100000]", "x"],
      ]),
      themingCommandSchema,
    );
    expect(theming.status).toBe("success");
    expect(Object.keys(theming.payload).sort()).toEqual(["intent", "label", "themeId"]);
    const hearing = parseSubmission(
      form([
        ["title", "Hearing"],
        ["kind", "hearing"],
        ["x", "1"],
      ]),
      hearingSchema,
    );
    expect(Object.keys(hearing.payload).sort()).toEqual(["kind", "title"]);
    const settings = parseSubmission(
      form([
        ["namedBoards", "on"],
        ["namedBoards[5000]", "on"],
      ]),
      workGroupSchema,
    );
    expect(settings.payload).toEqual({ namedBoards: "on" });
    const both = z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() }));
    expect(
      parseSubmission(
        form([
          ["a", "1"],
          ["b", "2"],
          ["c", "3"],
        ]),
        both,
      ).payload,
    ).toEqual({ a: "1", b: "2" });
  });
});
