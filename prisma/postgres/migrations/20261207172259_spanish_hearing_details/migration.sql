-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "placeEs" TEXT,
ADD COLUMN     "titleEs" TEXT;
