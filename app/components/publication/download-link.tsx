import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Text, TextLink } from "../ui/index.ts";

type Props = { href: string; format: string; children: React.ReactNode };

/**
 * A download that says how it is going: a long report's PDF takes a moment to make, so the
 * link reports "preparing", then the share received, then saves the file. Without JavaScript
 * it is a plain link and the browser's own download bar does the same job.
 */
export function DownloadLink({ href, format, children }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");

  async function download(event: React.MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setStatus(t("publication.preparing", { format }));
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const total = Number(response.headers.get("content-length")) || 0;
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        if (total)
          setStatus(
            t("publication.progress", { format, percent: Math.round((received / total) * 100) }),
          );
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "";
      const url = URL.createObjectURL(
        new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "" }),
      );
      const save = document.createElement("a");
      save.href = url;
      save.download = name;
      save.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t("publication.ready", { format }));
    } catch {
      setStatus(t("publication.failed", { format }));
    }
  }

  return (
    <>
      <TextLink href={href} download onClick={download}>
        {children}
      </TextLink>
      <Text as="span" tone="muted" size="small" role="status" className="ml-2">
        {status}
      </Text>
    </>
  );
}
