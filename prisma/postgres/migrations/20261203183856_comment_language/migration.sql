-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "language" TEXT;

-- Screen every comment again, to tell its language (screening.server.ts).
UPDATE "Comment" SET "flags" = NULL;
