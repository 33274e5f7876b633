-- CreateTable
CREATE TABLE "PlanStepUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stepId" TEXT NOT NULL,
    "reportedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "evidenceUrl" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanStepUpdate_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PlanStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlanStepUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StepDigest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StepDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PlanStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "goalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "horizon" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "startsOn" TEXT,
    "ownerUserId" TEXT,
    "resources" TEXT NOT NULL DEFAULT '',
    "completedOn" TEXT,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "dueOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanStep_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "PlanGoal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlanStep_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PlanStep" ("completedOn", "createdAt", "description", "goalId", "horizon", "id", "ownerUserId", "position", "resources", "startsOn", "updatedAt") SELECT "completedOn", "createdAt", "description", "goalId", "horizon", "id", "ownerUserId", "position", "resources", "startsOn", "updatedAt" FROM "PlanStep";
DROP TABLE "PlanStep";
ALTER TABLE "new_PlanStep" RENAME TO "PlanStep";
CREATE INDEX "PlanStep_goalId_position_idx" ON "PlanStep"("goalId", "position");
CREATE INDEX "PlanStep_ownerUserId_status_idx" ON "PlanStep"("ownerUserId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PlanStepUpdate_stepId_reportedOn_idx" ON "PlanStepUpdate"("stepId", "reportedOn");

-- CreateIndex
CREATE UNIQUE INDEX "StepDigest_userId_week_key" ON "StepDigest"("userId", "week");


-- Steps completed before statuses existed are done.
UPDATE "PlanStep" SET "status" = 'done' WHERE "completedOn" IS NOT NULL;
