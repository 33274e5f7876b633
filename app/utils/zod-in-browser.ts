import { z } from "zod";

/**
 * In the browser zod parses without compiling its parsers through `new Function`: the page's
 * Content-Security-Policy allows no eval, and zod's probe for it is reported as a violation
 * even though zod catches the refusal. zod decides when a schema is built, so root.tsx imports
 * this first, before any route module builds one. The server keeps zod's compiled parsers.
 */
if (typeof document !== "undefined") z.config({ jitless: true });
