-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN "placeEs" TEXT;
ALTER TABLE "Hearing" ADD COLUMN "titleEs" TEXT;
