-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "stakeholderGroup" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sections" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "hiddenReason" TEXT NOT NULL DEFAULT '',
    "sentFast" BOOLEAN NOT NULL DEFAULT false,
    "flags" TEXT,
    "themeId" TEXT,
    CONSTRAINT "Comment_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "CommentTheme" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("body", "email", "flags", "hiddenReason", "id", "name", "periodId", "receivedAt", "region", "sections", "stakeholderGroup", "state", "submissionKey", "themeId", "trackingNumber") SELECT "body", "email", "flags", "hiddenReason", "id", "name", "periodId", "receivedAt", "region", "sections", "stakeholderGroup", "state", "submissionKey", "themeId", "trackingNumber" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE UNIQUE INDEX "Comment_trackingNumber_key" ON "Comment"("trackingNumber");
CREATE UNIQUE INDEX "Comment_submissionKey_key" ON "Comment"("submissionKey");
CREATE INDEX "Comment_periodId_state_idx" ON "Comment"("periodId", "state");
CREATE INDEX "Comment_periodId_receivedAt_idx" ON "Comment"("periodId", "receivedAt");
CREATE INDEX "Comment_themeId_idx" ON "Comment"("themeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
