-- AlterTable
ALTER TABLE "CommentPeriod" ADD COLUMN     "finalDraft" TEXT NOT NULL DEFAULT '';
