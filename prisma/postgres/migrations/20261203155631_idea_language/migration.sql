-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "language" TEXT;
