-- Ideas stored before this migration count as anonymous (named = false), even on a work group
-- whose boards are named now: nothing records how they were posted, and anonymity is the promise.
-- Sessions signed in before it (cookies without a sign-in record) must sign in again.
-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "named" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "breakdowns" TEXT,
ADD COLUMN     "breakdownsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SignIn" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SignIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SignIn_tokenHash_key" ON "SignIn"("tokenHash");

-- CreateIndex
CREATE INDEX "SignIn_userId_idx" ON "SignIn"("userId");

-- AddForeignKey
ALTER TABLE "SignIn" ADD CONSTRAINT "SignIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
