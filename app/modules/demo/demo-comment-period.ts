import type { AppContext } from "../../utils/app-context.ts";
import { splitDraft } from "../comment-period/sections.ts";
import { zonedTimeToUtc } from "../session/time.ts";

/**
 * The demo's comment period, in the words of the MSIP 6 implementation memo
 * (../shared/seeds/msip6-implementation-memo.txt): a preliminary draft open for questions and
 * feedback through a feedback form, closing at 11:59 pm Central, with a live webinar at noon
 * and a public hearing. Its dates move with today so the demo always has an open period.
 */
const DRAFT = `The preliminary draft of the Comprehensive Guide to the Missouri School Improvement Program provides more detail on the elements of MSIP 6. Implementation of MSIP 6 begins with the 2021-22 school year.

# Continuous Improvement
This process documents LEA-identified areas for improvement and self-directed plans for addressing them. Over the coming three years, the continuous improvement elements will be phased in for all LEAs.

# Growth and Status
Previous iterations of MSIP have measured student achievement in combination with either status and progress, or status and growth. MSIP 6 includes independent status and growth measures.

# Success-Ready
MSIP 6 measures performance and continuous improvement measures throughout the K-12 spectrum.

# High School Assessment
Beginning with the 2022-23 school year, MSIP 6 requires LEAs to administer End-of-Course (EOC) assessments during the academic year in which corresponding course credit is awarded to students.`;

/** The same draft in Spanish, section for section, as staff may give it (issue 17). */
const DRAFT_ES = `El borrador preliminar de la Guía completa del Programa de Mejoramiento Escolar de Missouri detalla los elementos de MSIP 6. La implementación de MSIP 6 comienza con el año escolar 2021-22.

# Mejora continua
Este proceso documenta las áreas de mejora que identifica cada LEA y sus planes propios para atenderlas. En los próximos tres años, los elementos de mejora continua se incorporarán gradualmente en todas las LEA.

# Crecimiento y nivel
Las versiones anteriores de MSIP midieron el rendimiento estudiantil combinando el nivel con el progreso, o el nivel con el crecimiento. MSIP 6 incluye medidas independientes de nivel y de crecimiento.

# Preparados para el éxito
MSIP 6 mide el desempeño y la mejora continua a lo largo de todo el espectro K-12.

# Evaluación de secundaria
A partir del año escolar 2022-23, MSIP 6 exige que las LEA administren las evaluaciones de fin de curso (EOC) durante el año académico en que se otorga el crédito del curso correspondiente.`;

/** The draft's sections, each with its Spanish heading and text. */
function bothDrafts() {
  const spanish = splitDraft(DRAFT_ES);
  return splitDraft(DRAFT).map((section, index) => ({
    ...section,
    headingEs: spanish[index]?.heading ?? null,
    bodyEs: spanish[index]?.body ?? null,
  }));
}

const day = (offset: number) => {
  const at = new Date(Date.now() + offset * 86_400_000);
  return at.toISOString().slice(0, 10);
};

export async function loadDemoCommentPeriod(ctx: Pick<AppContext, "db">, workGroupId: string) {
  const timeZone = "America/Chicago";
  await ctx.db.commentPeriod.create({
    data: {
      workGroupId,
      title: "Preliminary draft: Comprehensive Guide to MSIP 6",
      instructions:
        "Stakeholders are invited to share questions and feedback on the preliminary draft during this comment period, using the feedback form below. You can comment on one section, several, or the draft in general.\n\nFor additional information, contact the Office of Quality Schools at 573-751-4426.",
      moderationPolicy:
        "Every comment is kept in the record. Staff read comments before they are shown; comments with personal information about others, threats or profanity are not shown, and the reason is recorded.",
      titleEs: "Borrador preliminar: Guía completa de MSIP 6",
      instructionsEs:
        "Invitamos a las partes interesadas a compartir preguntas y comentarios sobre el borrador preliminar durante este período, con el formulario de abajo. Puede comentar sobre una sección, varias o el borrador en general.\n\nPara más información, comuníquese con la Oficina de Escuelas de Calidad al 573-751-4426.",
      moderationPolicyEs:
        "Cada comentario queda en el registro. El personal lee los comentarios antes de mostrarlos; los que contienen información personal de otras personas, amenazas o groserías no se muestran, y se registra el motivo.",
      timeZone,
      opensAt: zonedTimeToUtc(`${day(-3)}T00:00`, timeZone),
      closesAt: zonedTimeToUtc(`${day(17)}T23:59`, timeZone),
      showComments: true,
      publishedAt: new Date(),
      sections: { create: bothDrafts() },
      hearings: {
        create: [
          {
            kind: "webinar",
            title: "Live webinar: MSIP 6 and questions from the field",
            titleEs: "Seminario web en vivo: MSIP 6 y preguntas de las escuelas",
            startsAt: zonedTimeToUtc(`${day(6)}T12:00`, timeZone),
            endsAt: zonedTimeToUtc(`${day(6)}T13:00`, timeZone),
            timeZone,
            link: "https://livestream.com/MoDESE/MSIP6",
          },
          {
            kind: "hearing",
            title: "Public hearing on the Comprehensive Guide",
            titleEs: "Audiencia pública sobre la Guía completa",
            startsAt: zonedTimeToUtc(`${day(24)}T10:00`, timeZone),
            endsAt: zonedTimeToUtc(`${day(24)}T12:00`, timeZone),
            timeZone,
            place: "Jefferson State Office Building, 205 Jefferson Street, Jefferson City",
            capacity: 120,
            teamRoles: "Principal\nCounselor\nLead teacher\nFederal programs director",
          },
        ],
      },
    },
  });
}
