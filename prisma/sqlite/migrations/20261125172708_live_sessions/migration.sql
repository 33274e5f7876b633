-- AlterTable
ALTER TABLE "Idea" ADD COLUMN "editedAt" DATETIME;
ALTER TABLE "Idea" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "Idea" ADD COLUMN "hiddenReason" TEXT;

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "minutes" INTEGER,
    "presenter" TEXT NOT NULL DEFAULT '',
    "materials" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "AgendaItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BreakoutRoom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "areaOfFocusId" TEXT,
    "facilitatorId" TEXT,
    "recorderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BreakoutRoom_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BreakoutRoom_areaOfFocusId_fkey" FOREIGN KEY ("areaOfFocusId") REFERENCES "AreaOfFocus" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BreakoutRoomMember" (
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("roomId", "userId"),
    CONSTRAINT "BreakoutRoomMember_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "BreakoutRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BreakoutRoomMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rating" (
    "ideaId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stars" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ideaId", "userId"),
    CONSTRAINT "Rating_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Board" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "areaOfFocusId" TEXT,
    "breakoutRoomId" TEXT,
    "title" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Board_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Board_areaOfFocusId_fkey" FOREIGN KEY ("areaOfFocusId") REFERENCES "AreaOfFocus" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Board_breakoutRoomId_fkey" FOREIGN KEY ("breakoutRoomId") REFERENCES "BreakoutRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Board" ("areaOfFocusId", "createdAt", "id", "sessionId", "title") SELECT "areaOfFocusId", "createdAt", "id", "sessionId", "title" FROM "Board";
DROP TABLE "Board";
ALTER TABLE "new_Board" RENAME TO "Board";
CREATE INDEX "Board_sessionId_idx" ON "Board"("sessionId");
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workGroupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'brainstorm',
    "phaseVersion" INTEGER NOT NULL DEFAULT 0,
    "phaseEndsAt" DATETIME,
    "currentAgendaItemId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("createdAt", "format", "id", "startsAt", "timeZone", "title", "workGroupId") SELECT "createdAt", "format", "id", "startsAt", "timeZone", "title", "workGroupId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_workGroupId_startsAt_idx" ON "Session"("workGroupId", "startsAt");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("createdAt", "email", "id", "isAdmin", "name", "passwordHash") SELECT "createdAt", "email", "id", "isAdmin", "name", "passwordHash" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_WorkGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "essentialQuestions" TEXT NOT NULL DEFAULT '',
    "namedBoards" BOOLEAN NOT NULL DEFAULT false,
    "consensusColumn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkGroup_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WorkGroup" ("createdAt", "essentialQuestions", "id", "name", "programId", "purpose", "slug") SELECT "createdAt", "essentialQuestions", "id", "name", "programId", "purpose", "slug" FROM "WorkGroup";
DROP TABLE "WorkGroup";
ALTER TABLE "new_WorkGroup" RENAME TO "WorkGroup";
CREATE UNIQUE INDEX "WorkGroup_slug_key" ON "WorkGroup"("slug");
CREATE INDEX "WorkGroup_programId_idx" ON "WorkGroup"("programId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AgendaItem_sessionId_position_idx" ON "AgendaItem"("sessionId", "position");

-- CreateIndex
CREATE INDEX "BreakoutRoom_sessionId_idx" ON "BreakoutRoom"("sessionId");

-- CreateIndex
CREATE INDEX "BreakoutRoomMember_userId_idx" ON "BreakoutRoomMember"("userId");

-- CreateIndex
CREATE INDEX "Rating_userId_idx" ON "Rating"("userId");
