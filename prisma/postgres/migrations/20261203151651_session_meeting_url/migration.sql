-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "meetingUrl" TEXT;
