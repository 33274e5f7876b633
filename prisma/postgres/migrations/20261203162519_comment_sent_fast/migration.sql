-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "sentFast" BOOLEAN NOT NULL DEFAULT false;
