"""Study logic: grading, quiz and review sessions, spaced-repetition cards. No Textual here."""
