-- 0006: anonymous page view counts per story, culture and UTC day (Sites/Analytics). Only numbers: no visitor data.
CREATE TABLE page_view_days (
    "StoryId" uuid NOT NULL,
    "Culture" character varying(35) NOT NULL,
    "Day" date NOT NULL,
    "Views" bigint NOT NULL,
    CONSTRAINT "PK_page_view_days" PRIMARY KEY ("StoryId", "Culture", "Day"),
    CONSTRAINT "FK_page_view_days_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES stories ("Id") ON DELETE CASCADE
);
