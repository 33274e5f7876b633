-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommentPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workGroupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "moderationPolicy" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "showComments" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "finalDraft" TEXT NOT NULL DEFAULT '',
    "changesSummary" TEXT NOT NULL DEFAULT '',
    "responsePublicationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommentPeriod_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CommentPeriod" ("changesSummary", "closesAt", "createdAt", "id", "instructions", "moderationPolicy", "opensAt", "publishedAt", "responsePublicationId", "showComments", "timeZone", "title", "workGroupId") SELECT "changesSummary", "closesAt", "createdAt", "id", "instructions", "moderationPolicy", "opensAt", "publishedAt", "responsePublicationId", "showComments", "timeZone", "title", "workGroupId" FROM "CommentPeriod";
DROP TABLE "CommentPeriod";
ALTER TABLE "new_CommentPeriod" RENAME TO "CommentPeriod";
CREATE UNIQUE INDEX "CommentPeriod_responsePublicationId_key" ON "CommentPeriod"("responsePublicationId");
CREATE INDEX "CommentPeriod_workGroupId_idx" ON "CommentPeriod"("workGroupId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
