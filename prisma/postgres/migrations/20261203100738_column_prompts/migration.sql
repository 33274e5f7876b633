-- AlterTable
ALTER TABLE "WorkGroup" ADD COLUMN     "columnPrompts" TEXT NOT NULL DEFAULT '{}';
