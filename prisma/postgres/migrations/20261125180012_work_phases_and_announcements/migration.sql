-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "announcedAt" TIMESTAMP(3),
ADD COLUMN     "announcement" TEXT,
ADD COLUMN     "workPhase" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "WorkGroup" ADD COLUMN     "workPhases" TEXT NOT NULL DEFAULT 'Study
Planning';
