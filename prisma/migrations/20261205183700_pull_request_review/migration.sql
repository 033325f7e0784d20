-- CreateTable
CREATE TABLE "PullRequestReview" (
    "repository" TEXT NOT NULL,
    "prNumber" INTEGER NOT NULL,
    "firstReviewAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PullRequestReview_pkey" PRIMARY KEY ("repository","prNumber")
);
