-- CreateTable
CREATE TABLE "ImprovementPlan" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "workGroupId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtPlanId" TEXT,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "planningProcess" TEXT NOT NULL DEFAULT '',
    "beliefsVision" TEXT NOT NULL DEFAULT '',
    "mission" TEXT NOT NULL DEFAULT '',
    "keyIssuesData" TEXT NOT NULL DEFAULT '',
    "keyIssuesFactors" TEXT NOT NULL DEFAULT '',
    "prioritizedNeeds" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImprovementPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanGoal" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "smartGoal" TEXT NOT NULL DEFAULT '',
    "rationale" TEXT NOT NULL DEFAULT '',
    "strategies" TEXT NOT NULL DEFAULT '',
    "fundingSources" TEXT NOT NULL DEFAULT '',
    "standards" TEXT NOT NULL DEFAULT '',
    "adultBehaviors" TEXT NOT NULL DEFAULT '',
    "recommendationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalMeasure" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "baselineOn" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "targetOn" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoalMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureReading" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "takenOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "evidenceUrl" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanStep" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "horizon" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "startsOn" TEXT,
    "ownerUserId" TEXT,
    "resources" TEXT NOT NULL DEFAULT '',
    "completedOn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImprovementPlan_workGroupId_idx" ON "ImprovementPlan"("workGroupId");

-- CreateIndex
CREATE INDEX "ImprovementPlan_programId_idx" ON "ImprovementPlan"("programId");

-- CreateIndex
CREATE INDEX "PlanGoal_planId_position_idx" ON "PlanGoal"("planId", "position");

-- CreateIndex
CREATE INDEX "PlanGoal_recommendationId_idx" ON "PlanGoal"("recommendationId");

-- CreateIndex
CREATE INDEX "GoalMeasure_goalId_position_idx" ON "GoalMeasure"("goalId", "position");

-- CreateIndex
CREATE INDEX "MeasureReading_measureId_takenOn_idx" ON "MeasureReading"("measureId", "takenOn");

-- CreateIndex
CREATE INDEX "PlanStep_goalId_position_idx" ON "PlanStep"("goalId", "position");

-- AddForeignKey
ALTER TABLE "ImprovementPlan" ADD CONSTRAINT "ImprovementPlan_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementPlan" ADD CONSTRAINT "ImprovementPlan_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementPlan" ADD CONSTRAINT "ImprovementPlan_districtPlanId_fkey" FOREIGN KEY ("districtPlanId") REFERENCES "ImprovementPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanGoal" ADD CONSTRAINT "PlanGoal_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ImprovementPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanGoal" ADD CONSTRAINT "PlanGoal_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalMeasure" ADD CONSTRAINT "GoalMeasure_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "PlanGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureReading" ADD CONSTRAINT "MeasureReading_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "GoalMeasure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanStep" ADD CONSTRAINT "PlanStep_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "PlanGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanStep" ADD CONSTRAINT "PlanStep_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

