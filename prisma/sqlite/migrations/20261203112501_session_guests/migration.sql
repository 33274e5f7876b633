-- CreateTable
CREATE TABLE "Guest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stakeholderGroupId" TEXT,
    "regionId" TEXT,
    "removedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Guest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Guest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Guest_stakeholderGroupId_fkey" FOREIGN KEY ("stakeholderGroupId") REFERENCES "StakeholderGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Guest_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
    "themingVersion" INTEGER NOT NULL DEFAULT 0,
    "agendaPublishedAt" DATETIME,
    "joinCode" TEXT,
    "guestsAllowed" BOOLEAN NOT NULL DEFAULT false,
    "breakdowns" TEXT,
    "breakdownsAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("agendaPublishedAt", "announcedAt", "announcement", "breakdowns", "breakdownsAt", "createdAt", "currentAgendaItemId", "format", "id", "joinCode", "phase", "phaseEndsAt", "phaseVersion", "startsAt", "themingVersion", "timeZone", "title", "workGroupId", "workPhase") SELECT "agendaPublishedAt", "announcedAt", "announcement", "breakdowns", "breakdownsAt", "createdAt", "currentAgendaItemId", "format", "id", "joinCode", "phase", "phaseEndsAt", "phaseVersion", "startsAt", "themingVersion", "timeZone", "title", "workGroupId", "workPhase" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_joinCode_key" ON "Session"("joinCode");
CREATE INDEX "Session_workGroupId_startsAt_idx" ON "Session"("workGroupId", "startsAt");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "guest" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("createdAt", "email", "id", "isAdmin", "name", "passwordHash", "sessionVersion") SELECT "createdAt", "email", "id", "isAdmin", "name", "passwordHash", "sessionVersion" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Guest_userId_key" ON "Guest"("userId");

-- CreateIndex
CREATE INDEX "Guest_sessionId_createdAt_idx" ON "Guest"("sessionId", "createdAt");
