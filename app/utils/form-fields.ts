import { parseWithZod } from "@conform-to/zod/v4";
import type { ZodType } from "zod";

/**
 * Only a form's own fields, so only they are parsed and echoed back. conform's reply repeats
 * every field it was sent, and a name like "x[99999999]" parses to a sparse array that is
 * hundreds of megabytes as JSON: one small hostile POST would cost that much memory and CPU.
 * `stray` names (a few of) the fields that were left out, for a message or a log line.
 */
export function ownFields<F extends FormData | URLSearchParams>(
  form: F,
  names: readonly string[],
): { form: F; stray: string[] } {
  const allowed = new Set(names);
  const kept = (form instanceof URLSearchParams ? new URLSearchParams() : new FormData()) as F;
  const stray: string[] = [];
  for (const [name, value] of form.entries()) {
    if (allowed.has(name)) (kept as FormData).append(name, value);
    else if (stray.length < 10) stray.push(name.slice(0, 100));
  }
  return { form: kept, stray };
}

/** A loose view of a zod v4 schema's definition: only what fieldsOf walks through. */
type SchemaDef = {
  type: string;
  shape?: Record<string, ZodType>;
  options?: ZodType[];
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  left?: ZodType;
  right?: ZodType;
  element?: ZodType;
  getter?: () => ZodType;
  checks?: { _zod: { def: { check?: string; maximum?: number } } }[];
};
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** A field name as conform reads it ("a.b[0]", "ids[]"), or null when conform would drop it. */
function pathOf(name: string): (string | number)[] | null {
  const segments: (string | number)[] = [];
  const token = /\.?([^.[\]]+)|\[(\d*)\]/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual way to step through matches
  while ((match = token.exec(name))) {
    if (match[0].startsWith(".") && at === 0) return null;
    segments.push(match[1] ?? (match[2] === "" ? "" : Number(match[2])));
    at = token.lastIndex;
  }
  return at === name.length && at > 0 ? segments : null;
}

/**
 * Whether the schema has a field at this path, each list index within the list's maximum
 * (the schema's `.max()`) and within `entries`: a browser sends a list's entries one per
 * index, so a form with n entries fills no list past its nth slot, and conform would make a
 * list as long as the largest index sent.
 */
function namesField(schema: ZodType, path: (string | number)[], entries: number): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "nonoptional":
    case "readonly":
      return namesField(def.innerType!, path, entries);
    case "pipe":
      // z.preprocess puts a transform first; the fields are then those of what it feeds.
      return namesField(defOf(def.in!).type === "transform" ? def.out! : def.in!, path, entries);
    case "lazy":
      return namesField(def.getter!(), path, entries);
    case "union":
      return def.options!.some((option) => namesField(option, path, entries));
    case "intersection":
      return namesField(def.left!, path, entries) || namesField(def.right!, path, entries);
    case "object": {
      if (path.length === 0) return true;
      const [key, ...rest] = path;
      if (typeof key !== "string" || !Object.hasOwn(def.shape!, key)) return false;
      return namesField(def.shape![key]!, rest, entries);
    }
    case "array": {
      if (path.length === 0) return true;
      const [index, ...rest] = path;
      // conform also reads "ids.7" as an index once "ids" is a list.
      const at = index === "" ? 0 : Number(index);
      const maximum = def.checks?.find((c) => c._zod.def.check === "max_length")?._zod.def.maximum;
      if (!Number.isInteger(at) || at < 0 || at >= Math.min(entries, maximum ?? entries))
        return false;
      return namesField(def.element!, rest, entries);
    }
    default:
      // A single value (text, number, choice…): it has no fields inside.
      return path.length === 0;
  }
}

/**
 * The one way an action parses a form: conform's parseWithZod, on the fields the schema names
 * and nothing else. conform's reply echoes every field it parsed, so a stray "x[1000000]" in
 * a 60-byte post would come back as a million-slot list (megabytes); here it is dropped unread,
 * as is a field the schema has with a list index past anything the form could hold. conform's
 * own "__intent__" and "__state__" are dropped too: our forms use neither, and an intent writes
 * at any path it names.
 */
export function parseSubmission<Schema extends ZodType>(
  form: FormData | URLSearchParams,
  schema: Schema,
) {
  const entries = [...form.entries()];
  const kept = new FormData();
  for (const [name, value] of entries) {
    const path = pathOf(name);
    if (path && namesField(schema, path, entries.length)) kept.append(name, value);
  }
  return parseWithZod(kept, { schema });
}
