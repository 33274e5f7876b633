-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "titleEs" TEXT;

-- AlterTable
ALTER TABLE "WorkGroup" ADD COLUMN     "columnPromptsEs" TEXT;
