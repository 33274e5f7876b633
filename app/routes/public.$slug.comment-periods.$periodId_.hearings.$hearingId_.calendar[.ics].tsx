import type { LoaderFunctionArgs } from "@remix-run/node";
import { hearingCalendar } from "../modules/hearing/registration.server.ts";
import { linkOrigin } from "../utils/request.server.ts";

/** A hearing or webinar as a calendar file (.ics), for Outlook, Google or Apple Calendar. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const calendar = await hearingCalendar(context, {
    slug: params.slug ?? "",
    periodId: params.periodId ?? "",
    hearingId: params.hearingId ?? "",
    origin: linkOrigin(context, request),
  });
  return new Response(calendar, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="event.ics"',
      // A withdrawn period or a moved hearing must not linger in a cache.
      "cache-control": "no-cache",
    },
  });
}
