-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workGroupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "workPhase" TEXT NOT NULL DEFAULT '',
    "announcement" TEXT,
    "announcedAt" DATETIME,
    "phase" TEXT NOT NULL DEFAULT 'brainstorm',
    "phaseVersion" INTEGER NOT NULL DEFAULT 0,
    "phaseEndsAt" DATETIME,
    "currentAgendaItemId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("createdAt", "currentAgendaItemId", "format", "id", "phase", "phaseEndsAt", "phaseVersion", "startsAt", "timeZone", "title", "workGroupId") SELECT "createdAt", "currentAgendaItemId", "format", "id", "phase", "phaseEndsAt", "phaseVersion", "startsAt", "timeZone", "title", "workGroupId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_workGroupId_startsAt_idx" ON "Session"("workGroupId", "startsAt");
CREATE TABLE "new_WorkGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "essentialQuestions" TEXT NOT NULL DEFAULT '',
    "namedBoards" BOOLEAN NOT NULL DEFAULT false,
    "consensusColumn" BOOLEAN NOT NULL DEFAULT false,
    "workPhases" TEXT NOT NULL DEFAULT 'Study
Planning',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkGroup_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WorkGroup" ("consensusColumn", "createdAt", "essentialQuestions", "id", "name", "namedBoards", "programId", "purpose", "slug") SELECT "consensusColumn", "createdAt", "essentialQuestions", "id", "name", "namedBoards", "programId", "purpose", "slug" FROM "WorkGroup";
DROP TABLE "WorkGroup";
ALTER TABLE "new_WorkGroup" RENAME TO "WorkGroup";
CREATE UNIQUE INDEX "WorkGroup_slug_key" ON "WorkGroup"("slug");
CREATE INDEX "WorkGroup_programId_idx" ON "WorkGroup"("programId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
