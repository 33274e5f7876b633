-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "themeId" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "themingVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationTheme" (
    "recommendationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "RecommendationTheme_pkey" PRIMARY KEY ("recommendationId","themeId")
);

-- CreateTable
CREATE TABLE "ActionStep" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryEntry" (
    "id" TEXT NOT NULL,
    "workGroupId" TEXT NOT NULL,
    "sessionId" TEXT,
    "actorId" TEXT,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "change" TEXT,
    "undoneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HistoryEntry_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Idea_themeId_idx" ON "Idea"("themeId");

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationTheme" ADD CONSTRAINT "RecommendationTheme_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationTheme" ADD CONSTRAINT "RecommendationTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionStep" ADD CONSTRAINT "ActionStep_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionStep" ADD CONSTRAINT "ActionStep_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEntry" ADD CONSTRAINT "HistoryEntry_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryEntry" ADD CONSTRAINT "HistoryEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
