-- CreateTable
CREATE TABLE "Follower" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workGroupId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Follower_workGroupId_fkey" FOREIGN KEY ("workGroupId") REFERENCES "WorkGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Follower_tokenHash_key" ON "Follower"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Follower_workGroupId_email_key" ON "Follower"("workGroupId", "email");
