-- 0006: anonymous page view counts per story, culture and UTC day (Sites/Analytics). Only numbers: no visitor data.
CREATE TABLE "page_view_days" (
    "StoryId" TEXT NOT NULL,
    "Culture" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Views" INTEGER NOT NULL,
    CONSTRAINT "PK_page_view_days" PRIMARY KEY ("StoryId", "Culture", "Day"),
    CONSTRAINT "FK_page_view_days_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE CASCADE
);
