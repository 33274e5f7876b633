-- AlterTable
ALTER TABLE "PlanStep" ADD COLUMN     "dueOn" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'not_started';

-- CreateTable
CREATE TABLE "PlanStepUpdate" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "reportedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "evidenceUrl" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanStepUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StepDigest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StepDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanStepUpdate_stepId_reportedOn_idx" ON "PlanStepUpdate"("stepId", "reportedOn");

-- CreateIndex
CREATE UNIQUE INDEX "StepDigest_userId_week_key" ON "StepDigest"("userId", "week");

-- CreateIndex
CREATE INDEX "PlanStep_ownerUserId_status_idx" ON "PlanStep"("ownerUserId", "status");

-- AddForeignKey
ALTER TABLE "PlanStepUpdate" ADD CONSTRAINT "PlanStepUpdate_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PlanStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanStepUpdate" ADD CONSTRAINT "PlanStepUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StepDigest" ADD CONSTRAINT "StepDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Steps completed before statuses existed are done.
UPDATE "PlanStep" SET "status" = 'done' WHERE "completedOn" IS NOT NULL;
