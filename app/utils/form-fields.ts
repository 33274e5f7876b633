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
