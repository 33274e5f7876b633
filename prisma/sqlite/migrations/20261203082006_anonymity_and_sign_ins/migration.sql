-- Ideas stored before this migration count as anonymous (named = false), even on a work group
-- whose boards are named now: nothing records how they were posted, and anonymity is the promise.
-- Sessions signed in before it (cookies without a sign-in record) must sign in again.
-- AlterTable
ALTER TABLE "Session" ADD COLUMN "breakdowns" TEXT;
ALTER TABLE "Session" ADD COLUMN "breakdownsAt" DATETIME;

-- CreateTable
CREATE TABLE "SignIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "SignIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Idea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "boardId" TEXT NOT NULL,
    "column" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "themeId" TEXT,
    "submissionKey" TEXT,
    "named" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Idea_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Idea_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Idea" ("authorId", "boardId", "column", "createdAt", "editedAt", "hiddenAt", "hiddenReason", "id", "submissionKey", "text", "themeId") SELECT "authorId", "boardId", "column", "createdAt", "editedAt", "hiddenAt", "hiddenReason", "id", "submissionKey", "text", "themeId" FROM "Idea";
DROP TABLE "Idea";
ALTER TABLE "new_Idea" RENAME TO "Idea";
CREATE INDEX "Idea_boardId_createdAt_idx" ON "Idea"("boardId", "createdAt");
CREATE INDEX "Idea_themeId_idx" ON "Idea"("themeId");
CREATE UNIQUE INDEX "Idea_authorId_submissionKey_key" ON "Idea"("authorId", "submissionKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SignIn_tokenHash_key" ON "SignIn"("tokenHash");

-- CreateIndex
CREATE INDEX "SignIn_userId_idx" ON "SignIn"("userId");
