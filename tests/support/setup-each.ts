import { afterEach, beforeEach, vi } from "vitest";

// An error printed during a test is a failure nobody asserted on: fail the test instead.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
