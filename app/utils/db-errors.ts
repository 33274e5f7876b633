/** A write refused by a unique index (Prisma's P2002): two requests raced for the same value. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
