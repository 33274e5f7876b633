import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import type { Flag } from "./schema.ts";

/**
 * What a moderator should look at before a comment goes public. Flags never hide or change a
 * comment by themselves: they sort the queue. Profanity comes from obscenity's English list
 * (it sees through l33t spelling and spacing); personal information is found by the shapes
 * people write it in.
 */

const profanity = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});

const PERSONAL_INFORMATION = [
  // An email address.
  /[\w.+-]+@[\w-]+\.[\w.-]+/,
  // A North American phone number: 573-751-4426, (573) 751 4426, +1 573.751.4426.
  /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b/,
  // A Social Security number.
  /\b\d{3}-\d{2}-\d{4}\b/,
  // A street address: a house number, a name and a street word.
  /\b\d{1,6}\s+(?:[A-Z][\w.]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl)\b\.?/i,
  // A date of birth said as such.
  /\b(?:born on|date of birth|DOB)\b/i,
];

/** sentFast: sent within seconds of the form being served (a paste, or a robot). */
export function flagsOf(text: string, sentFast = false): Flag[] {
  const flags: Flag[] = [];
  if (PERSONAL_INFORMATION.some((pattern) => pattern.test(text)))
    flags.push("personal-information");
  if (profanity.hasMatch(text)) flags.push("profanity");
  if (sentFast) flags.push("sent-within-seconds");
  return flags;
}
