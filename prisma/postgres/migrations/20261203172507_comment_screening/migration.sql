-- DropIndex
DROP INDEX "Comment_periodId_state_idx";

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CommentPhrase" (
    "periodId" TEXT NOT NULL,
    "phrase" INTEGER NOT NULL,
    "commentId" TEXT NOT NULL,

    CONSTRAINT "CommentPhrase_pkey" PRIMARY KEY ("periodId","phrase","commentId")
);

-- CreateIndex
CREATE INDEX "CommentPhrase_commentId_idx" ON "CommentPhrase"("commentId");

-- CreateIndex
CREATE INDEX "Comment_periodId_state_receivedAt_idx" ON "Comment"("periodId", "state", "receivedAt");

-- CreateIndex
CREATE INDEX "Comment_periodId_campaignId_idx" ON "Comment"("periodId", "campaignId");

-- AddForeignKey
ALTER TABLE "CommentPhrase" ADD CONSTRAINT "CommentPhrase_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma has no tsvector type): the moderation queue's search. One row per
-- screened comment, filled by screening (comment-period/screening.server.ts). prisma/db.mjs
-- keeps new migrations from dropping it.
CREATE TABLE "CommentSearch" (
    "commentId" TEXT NOT NULL PRIMARY KEY REFERENCES "Comment"("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);
CREATE INDEX "CommentSearch_document_idx" ON "CommentSearch" USING GIN ("document");

-- Screen every comment again: campaigns and search are found on screening.
UPDATE "Comment" SET "flags" = NULL;
