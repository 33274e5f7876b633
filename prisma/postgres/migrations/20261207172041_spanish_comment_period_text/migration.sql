-- AlterTable
ALTER TABLE "CommentPeriod" ADD COLUMN     "instructionsEs" TEXT,
ADD COLUMN     "moderationPolicyEs" TEXT,
ADD COLUMN     "titleEs" TEXT;

-- AlterTable
ALTER TABLE "CommentSection" ADD COLUMN     "bodyEs" TEXT,
ADD COLUMN     "headingEs" TEXT;
