-- Written by hand: campaigns are now told by the words of attached files too
-- (comment-period/screening.server.ts letterOf). Comments sent with files are screened again.
UPDATE "Comment" SET "flags" = NULL WHERE "id" IN (SELECT "commentId" FROM "CommentAttachment");
