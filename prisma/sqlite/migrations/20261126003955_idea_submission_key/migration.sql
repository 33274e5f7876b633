-- AlterTable
ALTER TABLE "Idea" ADD COLUMN "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Idea_authorId_submissionKey_key" ON "Idea"("authorId", "submissionKey");
