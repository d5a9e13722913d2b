using Leitbild.Teams.App.Storage;

namespace Leitbild.Teams.App.Scheduling;

/// <summary>Scheduling's tables (versions 400–499): the local calendar, then campaigns, claims, workshops and votes.</summary>
internal static class SchedulingMigrations
{
    public static readonly Migration[] All =
    [
        new(400, "local calendar: rooms and events", """
            CREATE TABLE scheduling_rooms (
                email TEXT PRIMARY KEY COLLATE NOCASE,
                display_name TEXT NOT NULL,
                capacity INTEGER NOT NULL CHECK (capacity > 0)
            );
            -- Three fictional rooms of the town hall.
            INSERT INTO scheduling_rooms(email, display_name, capacity) VALUES
                ('ratssaal@raeume.bergkamen.example', 'Ratssaal (Rathaus, EG)', 60),
                ('sitzungszimmer-214@raeume.bergkamen.example', 'Sitzungszimmer 2.14', 14),
                ('besprechung-61@raeume.bergkamen.example', 'Besprechungsraum Stadtplanungsamt 3.05', 8);
            CREATE TABLE scheduling_events (
                id TEXT PRIMARY KEY,
                organizer_email TEXT NOT NULL COLLATE NOCASE,
                subject TEXT NOT NULL,
                body TEXT,
                start_utc TEXT NOT NULL,
                end_utc TEXT NOT NULL,
                room_email TEXT COLLATE NOCASE,
                location TEXT,
                is_online INTEGER NOT NULL,
                join_url TEXT,
                transaction_id TEXT NOT NULL,
                is_cancelled INTEGER NOT NULL DEFAULT 0,
                sequence INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (organizer_email, transaction_id)
            );
            CREATE INDEX ix_scheduling_events_time ON scheduling_events(start_utc, end_utc);
            CREATE TABLE scheduling_event_attendees (
                event_id TEXT NOT NULL REFERENCES scheduling_events(id),
                email TEXT NOT NULL COLLATE NOCASE,
                display_name TEXT,
                kind TEXT NOT NULL,
                response TEXT NOT NULL DEFAULT 'None',
                responded_at TEXT,
                position INTEGER NOT NULL,
                PRIMARY KEY (event_id, email)
            );
            CREATE INDEX ix_scheduling_event_attendees_email ON scheduling_event_attendees(email);
            """),
        new(401, "interview campaigns, proposals and slot claims", """
            CREATE TABLE scheduling_campaigns (
                id TEXT PRIMARY KEY,
                document TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE scheduling_interviews (
                id TEXT PRIMARY KEY,
                campaign_id TEXT NOT NULL REFERENCES scheduling_campaigns(id),
                position INTEGER NOT NULL,
                interviewee_id TEXT NOT NULL,
                interviewee_email TEXT NOT NULL,
                status TEXT NOT NULL,
                booked TEXT,
                pending_proposal_id TEXT,
                event_id TEXT,
                organizer_email TEXT,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_scheduling_interviews_campaign ON scheduling_interviews(campaign_id, position);
            CREATE INDEX ix_scheduling_interviews_status ON scheduling_interviews(status);
            CREATE TABLE scheduling_proposals (
                id TEXT PRIMARY KEY,
                interview_id TEXT NOT NULL REFERENCES scheduling_interviews(id),
                start_utc TEXT NOT NULL,
                end_utc TEXT NOT NULL,
                interviewers TEXT NOT NULL,
                room_email TEXT,
                rank INTEGER NOT NULL,
                status TEXT NOT NULL
            );
            CREATE INDEX ix_scheduling_proposals_interview ON scheduling_proposals(interview_id, rank);
            -- The double-booking guard: one row per calendar and 15-minute cell, whoever inserts first holds it.
            CREATE TABLE scheduling_claims (
                calendar_id TEXT NOT NULL,
                cell_start TEXT NOT NULL,
                interview_id TEXT NOT NULL REFERENCES scheduling_interviews(id),
                claimed_at TEXT NOT NULL,
                PRIMARY KEY (calendar_id, cell_start)
            ) WITHOUT ROWID;
            CREATE INDEX ix_scheduling_claims_interview ON scheduling_claims(interview_id);
            """),
        new(402, "workshops, slot votes and ballots", """
            CREATE TABLE scheduling_workshops (
                id TEXT PRIMARY KEY,
                document TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE scheduling_votes (
                id TEXT PRIMARY KEY,
                workshop_id TEXT NOT NULL UNIQUE REFERENCES scheduling_workshops(id),
                document TEXT NOT NULL,
                status TEXT NOT NULL,
                decided_option INTEGER,
                deadline_utc TEXT NOT NULL
            );
            CREATE INDEX ix_scheduling_votes_status ON scheduling_votes(status, deadline_utc);
            CREATE TABLE scheduling_ballots (
                vote_id TEXT NOT NULL REFERENCES scheduling_votes(id),
                person_id TEXT NOT NULL,
                answers TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (vote_id, person_id)
            );
            """),
        // Mein Leitbild lists a person's own interviews.
        new(403, "interviews by interviewee", """
            CREATE INDEX ix_scheduling_interviews_interviewee ON scheduling_interviews(interviewee_id, updated_at);
            """),
    ];
}
