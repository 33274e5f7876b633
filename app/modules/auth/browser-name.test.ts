import { describe, expect, it } from "vitest";
import { browserName } from "./browser-name.server.ts";

describe("a signed-in browser's name", () => {
  it("reads the browser and the system from a User-Agent", () => {
    expect(
      browserName(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
      ),
    ).toEqual({ browser: "Chrome", os: "Android" });
    expect(
      browserName(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toEqual({ browser: "Safari", os: "iOS" });
  });

  it("says nothing for an empty or unknown one", () => {
    expect(browserName("")).toBeNull();
    expect(browserName("curl/8.0")).toBeNull();
  });
});
