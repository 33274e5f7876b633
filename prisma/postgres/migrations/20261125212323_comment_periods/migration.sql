-- CreateTable
CREATE TABLE "CommentPeriod" (
    "id" TEXT NOT NULL,
    "workGroupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "moderationPolicy" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "showComments" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "changesSummary" TEXT NOT NULL DEFAULT '',
    "responsePublicationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentSection" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CommentSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentPeriodNotice" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentPeriodNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "stakeholderGroup" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sections" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "hiddenReason" TEXT NOT NULL DEFAULT '',
    "flags" TEXT,
    "themeId" TEXT,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentModeration" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "moderatorId" TEXT,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentModeration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentTheme" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "response" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "CommentTheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hearing" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER,
    "teamRoles" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Hearing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "hearingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organization" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommentPeriod_responsePublicationId_key" ON "CommentPeriod"("responsePublicationId");

-- CreateIndex
CREATE INDEX "CommentPeriod_workGroupId_idx" ON "CommentPeriod"("workGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentSection_periodId_number_key" ON "CommentSection"("periodId", "number");

-- CreateIndex
CREATE INDEX "CommentPeriodNotice_periodId_idx" ON "CommentPeriodNotice"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_trackingNumber_key" ON "Comment"("trackingNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_submissionKey_key" ON "Comment"("submissionKey");

-- CreateIndex
CREATE INDEX "Comment_periodId_state_idx" ON "Comment"("periodId", "state");

-- CreateIndex
CREATE INDEX "Comment_periodId_receivedAt_idx" ON "Comment"("periodId", "receivedAt");

-- CreateIndex
CREATE INDEX "Comment_themeId_idx" ON "Comment"("themeId");

-- CreateIndex
CREATE INDEX "CommentModeration_periodId_createdAt_idx" ON "CommentModeration"("periodId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommentTheme_periodId_name_key" ON "CommentTheme"("periodId", "name");

-- CreateIndex
CREATE INDEX "Hearing_periodId_idx" ON "Hearing"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_tokenHash_key" ON "Registration"("tokenHash");

-- CreateIndex
CREATE INDEX "Registration_hearingId_status_createdAt_idx" ON "Registration"("hearingId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "CommentPeriod" ADD CONSTRAINT "CommentPeriod_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentSection" ADD CONSTRAINT "CommentSection_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentPeriodNotice" ADD CONSTRAINT "CommentPeriodNotice_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "CommentTheme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentModeration" ADD CONSTRAINT "CommentModeration_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentModeration" ADD CONSTRAINT "CommentModeration_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentModeration" ADD CONSTRAINT "CommentModeration_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentTheme" ADD CONSTRAINT "CommentTheme_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hearing" ADD CONSTRAINT "Hearing_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CommentPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing"("id") ON DELETE CASCADE ON UPDATE CASCADE;
