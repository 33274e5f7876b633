-- CreateTable
CREATE TABLE "Follower" (
    "id" TEXT NOT NULL,
    "workGroupId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follower_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Follower_tokenHash_key" ON "Follower"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Follower_workGroupId_email_key" ON "Follower"("workGroupId", "email");

-- AddForeignKey
ALTER TABLE "Follower" ADD CONSTRAINT "Follower_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
