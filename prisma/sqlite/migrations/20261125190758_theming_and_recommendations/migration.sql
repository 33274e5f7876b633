-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Theme_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workGroupId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "knosterCoverage" TEXT NOT NULL DEFAULT '',
    "coverageNote" TEXT NOT NULL DEFAULT '',
    "goalSpecific" TEXT NOT NULL DEFAULT '',
    "goalMeasurable" TEXT NOT NULL DEFAULT '',
    "goalAchievable" TEXT NOT NULL DEFAULT '',
    "goalRelevant" TEXT NOT NULL DEFAULT '',
    "goalTimely" TEXT NOT NULL DEFAULT '',
    "strategies" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recommendation_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationTheme" (
    "recommendationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    PRIMARY KEY ("recommendationId", "themeId"),
    CONSTRAINT "RecommendationTheme_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecommendationTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "ownerGroup" TEXT NOT NULL DEFAULT '',
    "horizon" TEXT NOT NULL,
    "startsOn" TEXT,
    "dueOn" TEXT,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "resources" TEXT NOT NULL DEFAULT '',
    "fundingSource" TEXT NOT NULL DEFAULT '',
    "resourceNote" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ActionStep_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionStep_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HistoryEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workGroupId" TEXT NOT NULL,
    "sessionId" TEXT,
    "actorId" TEXT,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "change" TEXT,
    "undoneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HistoryEntry_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HistoryEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    CONSTRAINT "Idea_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Idea_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Idea" ("authorId", "boardId", "column", "createdAt", "editedAt", "hiddenAt", "hiddenReason", "id", "text") SELECT "authorId", "boardId", "column", "createdAt", "editedAt", "hiddenAt", "hiddenReason", "id", "text" FROM "Idea";
DROP TABLE "Idea";
ALTER TABLE "new_Idea" RENAME TO "Idea";
CREATE INDEX "Idea_boardId_createdAt_idx" ON "Idea"("boardId", "createdAt");
CREATE INDEX "Idea_themeId_idx" ON "Idea"("themeId");
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
    "themingVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("announcedAt", "announcement", "createdAt", "currentAgendaItemId", "format", "id", "phase", "phaseEndsAt", "phaseVersion", "startsAt", "timeZone", "title", "workGroupId", "workPhase") SELECT "announcedAt", "announcement", "createdAt", "currentAgendaItemId", "format", "id", "phase", "phaseEndsAt", "phaseVersion", "startsAt", "timeZone", "title", "workGroupId", "workPhase" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_workGroupId_startsAt_idx" ON "Session"("workGroupId", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Theme_sessionId_position_idx" ON "Theme"("sessionId", "position");

-- CreateIndex
CREATE INDEX "Recommendation_workGroupId_position_idx" ON "Recommendation"("workGroupId", "position");

-- CreateIndex
CREATE INDEX "RecommendationTheme_themeId_idx" ON "RecommendationTheme"("themeId");

-- CreateIndex
CREATE INDEX "ActionStep_recommendationId_position_idx" ON "ActionStep"("recommendationId", "position");

-- CreateIndex
CREATE INDEX "HistoryEntry_workGroupId_createdAt_idx" ON "HistoryEntry"("workGroupId", "createdAt");

-- CreateIndex
CREATE INDEX "HistoryEntry_sessionId_actorId_createdAt_idx" ON "HistoryEntry"("sessionId", "actorId", "createdAt");

-- CreateIndex
CREATE INDEX "HistoryEntry_subjectId_idx" ON "HistoryEntry"("subjectId");
