import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import { PlaylistText } from "./playlist-text";

const PLAYLIST = [
  "#EXTM3U",
  '#EXTINF:-1 tvg-name="כאן 11" tvg-id="kan11" group-title="חדשות",כאן 11',
  "http://flu.example:8080/kan11/video.m3u8?token=t",
  "",
].join("\n");

describe("the playlist preview", () => {
  it("shows every line as its own left-to-right paragraph, and its text is the file", () => {
    render(
      <MantineProvider>
        <PlaylistText content={PLAYLIST} />
      </MantineProvider>,
    );
    const lines = screen.getAllByTestId("playlist-line");
    expect(lines.map((l) => l.textContent)).toEqual([
      "#EXTM3U\n",
      '#EXTINF:-1 tvg-name="כאן 11" tvg-id="kan11" group-title="חדשות",כאן 11\n',
      "http://flu.example:8080/kan11/video.m3u8?token=t\n",
    ]);
    for (const line of lines) {
      expect(line).toHaveAttribute("dir", "ltr");
      expect(line.getAttribute("style")).toContain("unicode-bidi: plaintext");
      expect(line.getAttribute("style")).toContain("display: block");
    }
    const preview = screen.getByTestId("playlist-preview");
    expect(preview).toHaveAttribute("dir", "ltr");
    expect(preview.textContent).toBe(PLAYLIST);
  });
});
