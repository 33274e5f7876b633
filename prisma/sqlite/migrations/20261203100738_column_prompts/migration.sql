-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WorkGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "essentialQuestions" TEXT NOT NULL DEFAULT '',
    "namedBoards" BOOLEAN NOT NULL DEFAULT false,
    "columnPrompts" TEXT NOT NULL DEFAULT '{}',
    "consensusColumn" BOOLEAN NOT NULL DEFAULT false,
    "workPhases" TEXT NOT NULL DEFAULT 'Study
Planning',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkGroup_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WorkGroup" ("consensusColumn", "createdAt", "essentialQuestions", "id", "name", "namedBoards", "programId", "publishedAt", "purpose", "slug", "workPhases") SELECT "consensusColumn", "createdAt", "essentialQuestions", "id", "name", "namedBoards", "programId", "publishedAt", "purpose", "slug", "workPhases" FROM "WorkGroup";
DROP TABLE "WorkGroup";
ALTER TABLE "new_WorkGroup" RENAME TO "WorkGroup";
CREATE UNIQUE INDEX "WorkGroup_slug_key" ON "WorkGroup"("slug");
CREATE INDEX "WorkGroup_programId_idx" ON "WorkGroup"("programId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
