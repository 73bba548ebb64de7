import { Code } from "@mantine/core";

/**
 * The playlist as it is in the file. Each line is its own left-to-right bidi paragraph
 * (`dir="ltr"`, `unicode-bidi: plaintext`), so a Hebrew or Arabic name reorders only its own run,
 * never the quotes, attributes or lines around it. Each line keeps its "\n": the text copied from
 * the preview is the file.
 */
export function PlaylistText({ content }: { content: string }) {
  const lines = content.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return (
    <Code block dir="ltr" data-testid="playlist-preview" style={{ whiteSpace: "pre" }}>
      {lines.map((line, i) => (
        // Lines never move, so their position is a stable key.
        <span key={i} dir="ltr" data-testid="playlist-line" style={{ display: "block", unicodeBidi: "plaintext" }}>
          {`${line}\n`}
        </span>
      ))}
    </Code>
  );
}
