-- CreateIndex
CREATE INDEX "Comment_periodId_flags_idx" ON "Comment"("periodId", "flags");

-- CreateIndex
CREATE INDEX "Comment_periodId_revision_idx" ON "Comment"("periodId", "revision");

