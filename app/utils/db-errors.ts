/**
 * A unique constraint refused the write: P2002 from a model query, or a raw query's driver
 * error of that kind (P2010), on SQLite and PostgreSQL alike.
 */
export function isUniqueViolation(error: unknown): boolean {
  const failure = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  } | null;
  return (
    failure?.code === "P2002" ||
    failure?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
