import { bodyBlocks } from "../../modules/comment-period/sections.ts";

/**
 * A section of a draft (or a period's instructions): paragraphs and bulleted lists, as text.
 * `lang`: the language it is written in, where it is not the page's (staff's English).
 */
export function SectionBody({ body, lang }: { body: string; lang?: string }) {
  return (
    <div className="mt-2 space-y-2" lang={lang}>
      {bodyBlocks(body).map((block, index) =>
        block.kind === "list" ? (
          <ul key={index} className="list-disc space-y-1 pl-6">
            {block.items.map((item, at) => (
              <li key={at}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={index}>{block.text}</p>
        ),
      )}
    </div>
  );
}
