-- AlterTable
ALTER TABLE "CommentPeriod" ADD COLUMN "instructionsEs" TEXT;
ALTER TABLE "CommentPeriod" ADD COLUMN "moderationPolicyEs" TEXT;
ALTER TABLE "CommentPeriod" ADD COLUMN "titleEs" TEXT;

-- AlterTable
ALTER TABLE "CommentSection" ADD COLUMN "bodyEs" TEXT;
ALTER TABLE "CommentSection" ADD COLUMN "headingEs" TEXT;
